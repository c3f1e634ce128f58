/**
 * Chromium only: what a subframe runs before it may get the full content script. No manifest script runs in
 * subframes; the background puts this gate into every frame of a tab only when the top frame's script has seen a
 * frame that may hold part of the article (utils/dom/frames.ts), so the ads and embeds of most pages run nothing
 * of ours (ADR 0002, "Frames"). Here a frame that is part of an article (a same-origin comments frame, an embedded
 * story), or any frame when the reader chose every page, asks the background for the full content script.
 * Firefox runs the full script in every frame.
 */
import { activeOnPage } from '../utils/article';
import { readableSize } from '../utils/dom/frames';
import type { ToBackground } from '../utils/messages';
import { resolveSettings } from '../utils/settings';

/** The two Chromium APIs the gate needs, used directly: the polyfill alone would be most of its size. */
type Api = {
  storage: { sync: { get(key: string): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: Extract<ToBackground, { type: 'injectFrame' }> | { type: 'injectFrame' }): Promise<unknown> };
};

const ABOUT_BLANK_WAIT_MS = 1000;

// An unlisted script, put into the manifest by wxt.config.ts: a content script entry would bring WXT's
// context and the polyfill, which cost more to load in every ad frame than the whole gate.
export default defineUnlistedScript({
  include: ['chrome'],
  async main() {
    if (window.top === window) return; // the top frame has the full script from the manifest
    // The gate goes into every frame each time the top frame finds a new candidate: one run per document.
    const self = globalThis as unknown as { backstoryGate?: boolean };
    if (self.backstoryGate) return;
    self.backstoryGate = true;
    // An iframe starts as an empty about:blank document of its parent's origin, so it looks part of the article
    // until it navigates to its own page (an ad). Wait: a frame that navigated has a new document, and this
    // timer dies with the old one. One that stays about:blank and gets text (a comments widget written by
    // script) is asked for after the wait.
    if (location.protocol === 'about:') {
      await new Promise((r) => setTimeout(r, ABOUT_BLANK_WAIT_MS));
      if (!document.body?.textContent?.trim()) return;
    }
    // The top frame's rule, from inside: a frame of the page's own origin, or one large enough to read an article in.
    // The gate goes into every frame of the tab, so the ads beside an embedded story stop here, even on every page.
    let sameOrigin = false;
    try {
      sameOrigin = Boolean(window.top?.document);
    } catch {
      // another origin's page
    }
    if (!sameOrigin && !readableSize({ width: window.innerWidth, height: window.innerHeight })) return;
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    try {
      const settings = resolveSettings((await api.storage.sync.get('settings')).settings);
      if (!activeOnPage(settings, document)) return;
      await api.runtime.sendMessage({ type: 'injectFrame' });
    } catch {
      // The extension was reloaded under this frame: nothing to do.
    }
  },
});
