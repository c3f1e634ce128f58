/**
 * Marks mentions with the CSS Custom Highlight API: the page's DOM is never
 * touched. Styles come from public/highlights.css, injected by the manifest.
 * We keep our own Range list because a Firefox content script cannot iterate
 * a Highlight (Xray wrappers), and so tests can read what is marked.
 */
import type { MarkStyle } from '../settings';

export type { MarkStyle };

export const MARK_NAME: Record<MarkStyle, string> = {
  dotted: 'backstory-dotted',
  underline: 'backstory-underline',
  background: 'backstory-background',
};
export const FOCUS_NAME = 'backstory-focus';

type HighlightLike = { add(r: Range): void; delete(r: Range): boolean; size: number };
/** Something to mark: a mention whose Range is made on first use (MentionRecord), so a Range is made only when its batch is added. */
export type Markable = { readonly range: Range };
type HighlightCtor = new (...ranges: Range[]) => HighlightLike;
type Registry = { set(name: string, h: unknown): void; delete(name: string): boolean };

/**
 * Ranges added to the registry per frame. Firefox re-lays out every text frame a
 * decorated (underlined) highlight touches: 500 ranges cost ~10 ms of reflow on a
 * 2 MB page, and thousands at once made a 50 ms frame. Chromium only repaints.
 */
export const MARKS_PER_FRAME = 250;

export class Highlighter {
  private marked: readonly Markable[] = [];
  private readonly registry: Registry | undefined;
  private readonly Ctor: HighlightCtor | undefined;
  /** What is registered now, under which style. */
  private current: { style: MarkStyle; highlight: HighlightLike; items: Set<Markable> } | null = null;
  /** Marks still to add, in reading order, and the pending frame that adds the next batch. */
  private queue: Markable[] = [];
  private frame: (() => void) | null = null;

  /** `perFrame`: Infinity registers every mark at once (the benchmark measures the whole job in one go). */
  constructor(
    private readonly win: Window & typeof globalThis = window,
    private readonly perFrame = MARKS_PER_FRAME,
  ) {
    const css = (win as unknown as { CSS?: { highlights?: Registry } }).CSS;
    this.registry = css?.highlights;
    this.Ctor = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  }

  /** Without the API we mark nothing; hovering still works through hit testing. */
  get supported(): boolean {
    return Boolean(this.registry && this.Ctor);
  }

  /** The ranges of what is marked (made now where a batch has not made them yet: for tests and diagnostics). */
  get ranges(): readonly Range[] {
    return this.marked.map((m) => m.range);
  }

  /**
   * Mark exactly `items` (in reading order). Only the difference from what is already
   * marked is applied, so a rescan after a small change costs a small change; new
   * marks are added in batches, one per frame, from the top of the page, and each
   * mark's Range is made in its batch (thousands of Ranges at once were a long task in Firefox).
   */
  mark(items: readonly Markable[], style: MarkStyle): void {
    if (!this.registry || !this.Ctor) {
      this.marked = items;
      return;
    }
    // Nothing to mark, or a new style: nothing stays registered (an empty highlight is still an entry).
    if (items.length === 0 || (this.current && this.current.style !== style)) this.clearMarks();
    this.marked = items;
    if (items.length === 0) return;
    if (!this.current) {
      const highlight = new this.Ctor();
      this.registry.set(MARK_NAME[style], highlight);
      this.current = { style, highlight, items: new Set() };
    }
    const { highlight, items: have } = this.current;
    const want = new Set(items);
    for (const m of have) {
      if (want.has(m)) continue;
      highlight.delete(m.range);
      have.delete(m);
    }
    this.queue = items.filter((m) => !have.has(m));
    this.addBatch();
  }

  private addBatch(): void {
    this.frame?.();
    this.frame = null;
    if (!this.current) return;
    for (const m of this.queue.splice(0, this.perFrame)) {
      this.current.highlight.add(m.range);
      this.current.items.add(m);
    }
    if (this.queue.length > 0) this.frame = this.nextFrame(() => this.addBatch());
  }

  /** Whether marks are still waiting for a frame to be added. */
  get settling(): boolean {
    return this.queue.length > 0;
  }

  /** The next frame, or a timer where frames do not run (a hidden tab). Returns a cancel function. */
  private nextFrame(fn: () => void): () => void {
    const win = this.win;
    if (typeof win.requestAnimationFrame === 'function' && win.document?.visibilityState !== 'hidden') {
      const id = win.requestAnimationFrame(() => fn());
      return () => win.cancelAnimationFrame(id);
    }
    const id = win.setTimeout(fn, 16);
    return () => win.clearTimeout(id);
  }

  focus(range: Range | null): void {
    if (!this.registry || !this.Ctor) return;
    if (!range) this.registry.delete(FOCUS_NAME);
    else this.registry.set(FOCUS_NAME, new this.Ctor(range));
  }

  clearMarks(): void {
    this.marked = [];
    this.queue = [];
    this.frame?.();
    this.frame = null;
    this.current = null;
    if (!this.registry) return;
    for (const name of Object.values(MARK_NAME)) this.registry.delete(name);
  }

  clear(): void {
    this.clearMarks();
    this.focus(null);
  }
}
