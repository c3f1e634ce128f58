/**
 * Tells the background (the badge) and an open popup what the page reports, when it changed.
 * Only the top frame speaks for the tab.
 */
import { sendToBackground, type PageStatus } from '../../utils/messages';

export class StatusReporter {
  private last = '';

  constructor(
    private readonly doc: Document,
    private readonly read: () => PageStatus,
  ) {}

  push(): void {
    if (this.doc.defaultView?.top !== this.doc.defaultView) return;
    const status = this.read();
    const signature = JSON.stringify([status.active, status.phase, status.reason, status.found.map((f) => [f.id, f.count])]);
    if (signature === this.last) return;
    this.last = signature;
    try {
      sendToBackground('statusChanged', { status }).catch(() => {});
    } catch {
      // Extension reloaded: nobody to tell.
    }
  }
}
