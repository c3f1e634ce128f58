import { describe, expect, test } from 'vitest';
import { Highlighter, MARKS_PER_FRAME } from '../../utils/dom/highlight';

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
});
