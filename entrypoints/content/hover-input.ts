/**
 * Pointer, scroll and key input → hover intent. One hit test per frame at most, whatever the
 * pointer's event rate; the safe path keeps a card open while the pointer travels to it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { hitTest } from '../../utils/dom/hit-test';
import { onSafePath } from '../../utils/geometry';
import type { MentionRecord } from '../../utils/scan/page-scan';
import type { CardController } from './card-controller';

export type HoverPage = {
  /** Marked and hoverable right now (active, scanned, not retired). */
  live(): boolean;
  /** The mentions at a text node that count under the reader's categories. */
  hoverable(node: Text): readonly MentionRecord[];
  shadowRoots: ShadowRoot[];
};

export function listenForHover(ctx: ContentScriptContext, doc: Document, page: HoverPage, cards: CardController): void {
  const { intent, host } = cards;
  let last = { x: 0, y: 0, t: 0 };
  let moveFrame = 0;
  let scrollFrame = 0;
  /** Where the pointer last was on a name: the apex of the safe path to the card. */
  let lastOnName: { x: number; y: number } | null = null;
  const win = doc.defaultView!;

  ctx.addEventListener(
    win,
    'pointermove',
    (ev) => {
      const e = ev as PointerEvent;
      if (!page.live()) return;
      const dt = Math.max(1, e.timeStamp - last.t);
      const speed = Math.hypot(e.clientX - last.x, e.clientY - last.y) / dt;
      last = { x: e.clientX, y: e.clientY, t: e.timeStamp };
      if (host.contains(e.target) || moveFrame) return;
      moveFrame = requestAnimationFrame(() => {
        moveFrame = 0;
        const hit = hitTest(doc, last, (n) => page.hoverable(n), page.shadowRoots);
        if (hit) {
          intent.over(hit, speed);
          lastOnName = { x: last.x, y: last.y };
          return;
        }
        const card = host.rect();
        if (intent.state === 'grace' && card && lastOnName && onSafePath(last, lastOnName, card)) intent.keepGrace();
        else intent.out();
      });
    },
    { passive: true },
  );

  ctx.addEventListener(
    win,
    'pointerdown',
    (ev) => {
      const e = ev as PointerEvent;
      if (!page.live() || host.contains(e.target)) return;
      const hit = hitTest(doc, { x: e.clientX, y: e.clientY }, (n) => page.hoverable(n), page.shadowRoots);
      if (hit) intent.pin(hit);
      else if (intent.state !== 'idle') intent.close();
    },
    { capture: true },
  );

  ctx.addEventListener(
    win,
    'keydown',
    (ev) => {
      if ((ev as KeyboardEvent).key === 'Escape' && host.visible) {
        intent.close();
        ev.stopPropagation();
      }
    },
    { capture: true },
  );

  ctx.addEventListener(
    win,
    'scroll',
    () => {
      if (!cards.shownRect || !host.visible) return;
      // A hover card that no longer sits beside its name is worse than none; a pinned one follows its name.
      if (!intent.pinned) return intent.close();
      const record = intent.target?.record;
      if (!record || scrollFrame) return;
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        const rect = record.range.getClientRects()[0];
        if (rect) host.reposition(rect);
      });
    },
    { passive: true, capture: true },
  );

  ctx.addEventListener(win, 'resize', () => intent.close(), { passive: true });
}
