import { describe, expect, test } from 'vitest';
import { Highlighter, MARKS_PER_FRAME, WINDOW_MIN } from '../../utils/dom/highlight';

/** A window with a recording highlight registry and frames we run by hand. */
function fakeWindow() {
  const calls = { add: 0, delete: 0 };
  class FakeHighlight extends Set<Range> {
    override add(r: Range) {
      calls.add++;
      return super.add(r);
    }
    override delete(r: Range) {
      calls.delete++;
      return super.delete(r);
    }
  }
  const registry = new Map<string, FakeHighlight>();
  const frames = new Map<number, () => void>();
  let next = 0;
  const win = {
    CSS: { highlights: registry },
    Highlight: FakeHighlight,
    document: { visibilityState: 'visible' },
    requestAnimationFrame: (fn: () => void) => (frames.set(++next, fn), next),
    cancelAnimationFrame: (id: number) => frames.delete(id),
  } as unknown as Window & typeof globalThis;
  const runFrames = () => {
    while (frames.size) {
      const [id, fn] = frames.entries().next().value!;
      frames.delete(id);
      fn();
    }
  };
  return { win, registry, calls, runFrames, frames };
}
/** Marks whose Range is made on first use, as MentionRecord's; `made` counts the Ranges made. */
let made = 0;
const ranges = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    let range: Range | undefined;
    return {
      get range() {
        if (!range) {
          made++;
          range = { i } as unknown as Range;
        }
        return range;
      },
    };
  });
const rangesOf = (items: ReturnType<typeof ranges>) => items.map((m) => m.range);

describe('Highlighter', () => {
  test('adds marks in batches, one per frame, top of the page first', () => {
    const { win, registry, runFrames } = fakeWindow();
    const h = new Highlighter(win);
    const all = ranges(MARKS_PER_FRAME * 2 + 10);
    made = 0;
    h.mark(all, 'dotted');
    const marked = registry.get('backstory-dotted')!;
    // Only the first batch's Ranges are made now; the rest in their own frames.
    expect(made).toBe(MARKS_PER_FRAME);
    expect([...marked]).toEqual(rangesOf(all.slice(0, MARKS_PER_FRAME)));
    runFrames();
    expect([...marked]).toEqual(rangesOf(all));
    // The benchmark registers everything at once.
    const now = fakeWindow();
    new Highlighter(now.win, Infinity).mark(all, 'dotted');
    expect(now.registry.get('backstory-dotted')!.size).toBe(all.length);
  });

  test('a remark applies only the difference', () => {
    const { win, registry, calls, runFrames } = fakeWindow();
    const h = new Highlighter(win);
    const all = ranges(100);
    h.mark(all, 'dotted');
    runFrames();
    calls.add = 0;
    const extra = ranges(3);
    h.mark([...all.slice(1), ...extra], 'dotted');
    runFrames();
    expect(calls).toEqual({ add: 3, delete: 1 });
    expect(registry.get('backstory-dotted')!.size).toBe(102);
  });

  test('a new style re-registers everything under its name; clearing cancels pending batches', () => {
    const { win, registry, runFrames } = fakeWindow();
    const h = new Highlighter(win);
    const all = ranges(MARKS_PER_FRAME + 5);
    h.mark(all, 'dotted');
    h.mark(all, 'background');
    expect(registry.has('backstory-dotted')).toBe(false);
    runFrames();
    expect(registry.get('backstory-background')!.size).toBe(all.length);
    h.mark([], 'background');
    expect(registry.size).toBe(0);
    h.mark(ranges(MARKS_PER_FRAME + 5), 'underline');
    h.clear();
    runFrames();
    expect(registry.size).toBe(0);
    expect(h.ranges).toEqual([]);
  });

  test('above WINDOW_MIN marks, only those whose place is near the viewport are registered, and scrolling moves them', () => {
    const { win, registry, runFrames } = fakeWindow();
    type Entry = { target: Element; isIntersecting: boolean; boundingClientRect: { width: number; height: number } };
    const io = { cb: (() => {}) as (entries: Entry[]) => void, observed: new Set<Element>(), margin: '', connected: true };
    (win as unknown as { IntersectionObserver: unknown }).IntersectionObserver = class {
      constructor(cb: (e: Entry[]) => void, opts: { rootMargin: string }) {
        io.cb = cb;
        io.margin = opts.rootMargin;
      }
      observe(el: Element) {
        io.observed.add(el);
      }
      unobserve(el: Element) {
        io.observed.delete(el);
      }
      disconnect() {
        io.connected = false;
        io.observed.clear();
      }
    };
    // 10 marks per paragraph, as a long page has them.
    const places = Array.from({ length: WINDOW_MIN / 5 }, (_, k) => ({ k }) as unknown as Element);
    const all = ranges(WINDOW_MIN * 2).map((m, i) => Object.assign(m, { nodes: [{ parentElement: places[Math.floor(i / 10)] } as unknown as Node] }));
    const h = new Highlighter(win);
    made = 0;
    h.mark(all, 'dotted');
    runFrames();
    const marked = registry.get('backstory-dotted')!;
    expect(h.windowed).toBe(true);
    expect(io.observed.size).toBe(places.length);
    expect(io.margin).toBe('100% 0px');
    // Nothing is known to be near until the observer reports: nothing registered, no Range made, still settling.
    expect(marked.size).toBe(0);
    expect(made).toBe(0);
    expect(h.settling).toBe(true);
    const at = (from: number, to: number, isIntersecting: boolean) =>
      places.slice(from, to).map((target) => ({ target, isIntersecting, boundingClientRect: { width: 600, height: 40 } }));
    io.cb([...at(0, 3, true), ...at(3, places.length, false)]);
    runFrames();
    expect(h.settling).toBe(false);
    expect([...marked]).toEqual(rangesOf(all.slice(0, 30)));
    expect(made).toBe(30);
    // Scrolled down: the first paragraph leaves the margin, the fourth and fifth come in.
    io.cb([...at(0, 1, false), ...at(3, 5, true)]);
    runFrames();
    expect([...marked].sort((a, b) => (a as unknown as { i: number }).i - (b as unknown as { i: number }).i)).toEqual(rangesOf(all.slice(10, 50)));
    // A place with no box of its own (display: contents) keeps its marks.
    io.cb([{ target: places[100], isIntersecting: false, boundingClientRect: { width: 0, height: 0 } }]);
    runFrames();
    expect(marked.size).toBe(50);
    // Every mark is still reported as marked (the list tests and the popup read).
    expect(h.ranges.length).toBe(all.length);
    // New places while marks are registered: those marks stay until the observer has reported on the new places.
    const more = ranges(10).map((m) => Object.assign(m, { nodes: [{ parentElement: { k: 'new' } } as unknown as Node] }));
    h.mark([...all, ...more], 'dotted');
    runFrames();
    expect(h.settling).toBe(true);
    expect(marked.size).toBe(50);
    io.cb([]);
    runFrames();
    expect(h.settling).toBe(false);
    // Fewer marks than WINDOW_MIN: the observer stops and every mark is registered.
    h.mark(all.slice(0, 100), 'dotted');
    runFrames();
    expect(h.windowed).toBe(false);
    expect(io.connected).toBe(false);
    expect(marked.size).toBe(100);
    // The benchmark (every mark at once) never windows.
    const bench = fakeWindow();
    (bench.win as unknown as { IntersectionObserver: unknown }).IntersectionObserver = (
      win as unknown as { IntersectionObserver: unknown }
    ).IntersectionObserver;
    new Highlighter(bench.win, Infinity).mark(all, 'dotted');
    expect(bench.registry.get('backstory-dotted')!.size).toBe(all.length);
  });
});
