/**
 * An extension page (the popup, opened by its URL) used as a probe by the e2e tests, the demo and the
 * benchmark: it writes and clears storage and asks the content scripts in the tabs, typed by the message
 * protocol (utils/messages.ts). The browser shims live in this one file.
 *
 * Code passed to evaluate() runs inside the extension page and cannot close over anything here, so each
 * method starts with the same shim: Firefox exposes `browser`, Chromium `chrome`, with the same API.
 */
import type { Browser as ExtApi } from 'webextension-polyfill';
import type { ContentApi, PageStatus, WireStatus } from '../../utils/messages';
import type { Timing } from '../../utils/page/timings';
import type { AnyPage, Session } from './browsers';

type Shimmed = { browser?: ExtApi; chrome: ExtApi };
type Found = PageStatus['found'];

export class ExtensionPage {
  constructor(readonly page: AnyPage) {}

  static async open(session: Session, path = 'popup.html?tab=0'): Promise<ExtensionPage> {
    return new ExtensionPage(await session.openExtensionPage(path));
  }

  close(): Promise<void> {
    return this.page.close();
  }

  /** Write the reader's settings, as the popup does. */
  setSettings(value: Record<string, unknown>): Promise<void> {
    return this.page.evaluate(async (v) => {
      const g = globalThis as unknown as Shimmed;
      await (g.browser ?? g.chrome).storage.sync.set({ settings: v });
    }, value);
  }

  /** Back to defaults: no stored settings and an empty glossary. */
  clearStorage(): Promise<void> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as Shimmed;
      const api = g.browser ?? g.chrome;
      await api.storage.sync.clear();
      await api.storage.local.remove('glossary');
    }, null);
  }

  /** Ids of the entries in the reader's glossary. */
  glossaryIds(): Promise<string[]> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as Shimmed;
      const got: { glossary?: Array<{ id: string }> } = await (g.browser ?? g.chrome).storage.local.get('glossary');
      return (got.glossary ?? []).map((e) => e.id);
    }, null);
  }

  setGlossary(entries: unknown[]): Promise<void> {
    return this.page.evaluate(async (list) => {
      const g = globalThis as unknown as Shimmed;
      await (g.browser ?? g.chrome).storage.local.set({ glossary: list });
    }, entries);
  }

  /** Reload the extension shortly after returning (the page goes with it). */
  reloadExtensionSoon(): Promise<void> {
    return this.page.evaluate(() => {
      const g = globalThis as unknown as Shimmed;
      setTimeout(() => (g.browser ?? g.chrome).runtime.reload(), 50);
    }, null);
  }

  /** Send one content-script message to the top frame of every tab that has our script. */
  broadcast<K extends 'explain' | 'navigate' | 'jump'>(message: { type: K } & ContentApi[K]['body']): Promise<void> {
    return this.page.evaluate(async (m) => {
      const g = globalThis as unknown as Shimmed;
      const api = g.browser ?? g.chrome;
      for (const tab of await api.tabs.query({})) if (tab.id !== undefined) await api.tabs.sendMessage(tab.id, m, { frameId: 0 }).catch(() => {});
    }, message);
  }

  /**
   * The status of the top frame of every tab that has our content script (others are left out), with the tab's
   * id. Firefox tells an extension without the tabs permission no tab's URL: each page is asked for its own.
   */
  async statuses(opts: { activeOnly?: boolean } = {}): Promise<Array<{ tabId: number; status: PageStatus }>> {
    return this.page.evaluate(async (activeOnly) => {
      const g = globalThis as unknown as Shimmed;
      const api = g.browser ?? g.chrome;
      const out: Array<{ tabId: number; status: PageStatus }> = [];
      for (const t of await api.tabs.query(activeOnly ? { active: true } : {})) {
        if (t.id === undefined) continue;
        try {
          // The found list travels as one JSON string (WireStatus in utils/messages.ts).
          const wire: WireStatus | undefined = await api.tabs.sendMessage(t.id, { type: 'status' }, { frameId: 0 });
          if (wire) out.push({ tabId: t.id, status: { ...wire, found: JSON.parse(wire.found) as PageStatus['found'] } });
        } catch {
          // no content script in that tab
        }
      }
      return out;
    }, opts.activeOnly ?? false);
  }

  /** The status of the top frame showing `url`, or null when no content script there answers. */
  async statusOf(url: string): Promise<PageStatus | null> {
    return (await this.statuses()).find((s) => s.status.url === url)?.status ?? null;
  }

  /** The content script's own timings in the top frame showing `url` (empty when none answers). */
  async timingsOf(url: string): Promise<Timing[]> {
    const tab = (await this.statuses()).find((s) => s.status.url === url);
    if (!tab) return [];
    return this.page.evaluate(async (tabId) => {
      const g = globalThis as unknown as Shimmed;
      try {
        const timings: Timing[] = await (g.browser ?? g.chrome).tabs.sendMessage(tabId, { type: 'timings' }, { frameId: 0 });
        return timings;
      } catch {
        return []; // the page went away meanwhile
      }
    }, tab.tabId);
  }

  /** The id of the first tab whose content script reports `hostname`, or -1. */
  async tabWithHost(hostname: string): Promise<number> {
    return (await this.statuses()).find((s) => s.status.hostname === hostname)?.tabId ?? -1;
  }

  /** What the content script of the active tab found. */
  async foundInActiveTab(): Promise<Found> {
    return (await this.statuses({ activeOnly: true }))[0]?.status.found ?? [];
  }

  /** What the content script in the tab this popup was opened for (?tab=) found: entity ids, sorted. */
  foundIds(): Promise<string[]> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as Shimmed;
      const api = g.browser ?? g.chrome;
      const id = Number(new URLSearchParams(location.search).get('tab'));
      const s: WireStatus = await api.tabs.sendMessage(id, { type: 'status' }, { frameId: 0 });
      const found = JSON.parse(s.found) as PageStatus['found'];
      return found.map((f) => f.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }, null);
  }
}
