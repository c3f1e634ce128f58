/**
 * Tells the background (the badge) and an open popup what the page reports, when it changed.
 * Only the top frame speaks for the tab.
 */
import { sendToBackground, toWire, type FoundEntity, type PageStatus } from '../../utils/messages';
import { statusReason } from '../../utils/page/mention-view';
import type { Settings } from '../../utils/settings';

/** What a page reports: where it is, whether Backstory is on there, how far its work is, why nothing is marked, what it found. */
export function pageStatus(
  doc: Document,
  s: { settings: Settings; active: boolean; found: FoundEntity[]; phase: PageStatus['phase']; settled: number },
): PageStatus {
  const hostname = doc.location?.hostname ?? '';
  const reason = statusReason(s.settings, hostname, s.active, s.found.length);
  return { hostname, url: doc.location?.href ?? '', active: s.active, phase: s.phase, settled: s.settled, reason, found: s.found };
}

export class StatusReporter {
  private last = '';

  constructor(
    private readonly doc: Document,
    private readonly read: () => PageStatus,
  ) {}

  push(): void {
    if (this.doc.defaultView?.top !== this.doc.defaultView) return;
    // The found list is serialised once: for the message, and (with the rest) as the change signature.
    const status = toWire(this.read());
    const signature = JSON.stringify([status.active, status.phase, status.reason, status.found]);
    if (signature === this.last) return;
    this.last = signature;
    // An extension that was reloaded has nobody to tell; sendToBackground is async, so that is a rejection.
    sendToBackground('statusChanged', { status }).catch(() => {});
  }
}
