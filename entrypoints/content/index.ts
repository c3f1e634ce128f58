/**
 * The content script: wiring only. A PageSession marks the page and reports its status;
 * hover-input feeds the card controller; navigation serves the keyboard, the popup and "explain".
 */
import { browser } from 'wxt/browser';
import { handle, isToContent, toWire, type ContentApi } from '../../utils/messages';
import { resolveSettings } from '../../utils/settings';
import { GLOSSARY_KEY, readStored, SETTINGS_KEY, watchStored } from './stored';
import { listenForHover } from './hover-input';
import { Navigation } from './navigation';
import { PageSession } from './session';
import { recordTiming, timings } from '../../utils/page/timings';
import { FrameOpener } from '../../utils/dom/frames';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Chromium: the top frame only. Once it sees a frame that may hold part of the article, the background puts the
  // small frame gate (entrypoints/frame-gate.ts) into the tab's frames, and the gate asks for this script only in
  // frames that are part of an article. Firefox runs it in every frame.
  allFrames: { chrome: false, firefox: true },
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    const session = new PageSession(ctx, document);
    const nav = new Navigation(session, document, () => session.catalogues.ensure());
    // Registered before anything awaits: a script retired at any point (extension reloaded or updated,
    // or superseded by a newer copy injected into the same page) stops cleanly, and only once.
    const stops: Array<() => void> = [];
    ctx.onInvalidated(() => {
      session.active = false;
      // The page first: marks and card go even if the extension APIs below already throw.
      session.teardown(true);
      session.cards.host.destroy();
      for (const stop of stops) {
        try {
          stop();
        } catch {
          // "Extension context invalidated": the listener died with the old extension anyway.
        }
      }
    });
    session.settings = resolveSettings(await readStored(SETTINGS_KEY));
    if (ctx.isInvalid) return;
    const onMessage = handle<ContentApi>(isToContent, {
      status: () => toWire(session.status()),
      timings: () => timings(),
      jump: ({ id }) => nav.jumpTo(id),
      explain: ({ text }) => nav.explain(text),
      navigate: ({ step }) => nav.step(step),
    });
    stops.push(
      watchStored(SETTINGS_KEY, (v) => {
        session.settings = resolveSettings(v);
        void session.work.track(() => session.apply());
      }),
      watchStored(GLOSSARY_KEY, () => void session.work.track(() => session.reloadCatalogue())),
      () => browser.runtime.onMessage.removeListener(onMessage),
    );
    // WXT notices an extension reload or update only when the context is checked: check every second,
    // so a retired script removes its marks and stops listening promptly.
    ctx.setInterval(() => undefined, 1000);
    listenForHover(
      ctx,
      document,
      {
        live: () => session.active && session.scan !== null && !ctx.isInvalid,
        hoverable: (node) => {
          const view = session.catalogues.view();
          // Nothing while the glossary's catalogue is being rebuilt.
          return view ? session.scan!.recordsAt(node).filter((r) => session.settings.categories[view.entityType(r.entity)]) : [];
        },
        shadowRoots: session.shadows.list,
      },
      session.cards,
    );
    ctx.addEventListener(window, 'wxt:locationchange', () => void session.work.track(() => session.rescanAll()));
    browser.runtime.onMessage.addListener(onMessage);
    session.work.start();
    await session.work.track(() => session.apply());
    if (!import.meta.env.FIREFOX && window.top === window) {
      const frames = new FrameOpener(document, () => void browser.runtime.sendMessage({ type: 'openFrames' }).catch(() => undefined));
      // The whole-document checks are timed: with no script in ad frames, they are what frames cost (npm run bench).
      // A mutation batch checks only the nodes it added (untimed: a timing per batch would pile up measures).
      const checkAll = () => {
        const start = performance.now();
        frames.check();
        recordTiming('frames', start);
      };
      checkAll();
      session.onChanged = (roots) => frames.check(roots);
      if (document.readyState !== 'complete') ctx.addEventListener(window, 'load', checkAll);
    }
  },
});
