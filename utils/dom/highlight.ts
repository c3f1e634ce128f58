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
/**
 * Something to mark: a mention whose Range is made on first use (MentionRecord), so a Range is made only when its
 * batch is added. `nodes`: the text nodes it spans, which place it on the page when only marks near the viewport
 * are registered (see WINDOW_MIN).
 */
export type Markable = { readonly range: Range; readonly nodes?: readonly Node[] };
type HighlightCtor = new (...ranges: Range[]) => HighlightLike;
type Registry = { set(name: string, h: unknown): void; delete(name: string): boolean };

/**
 * Ranges added to the registry per frame. Firefox re-lays out every text frame a
 * decorated (underlined) highlight touches: 500 ranges cost ~10 ms of reflow on a
 * 2 MB page, and thousands at once made a 50 ms frame. Chromium only repaints.
 */
export const MARKS_PER_FRAME = 250;

/**
 * Above this many marks, only the marks near the viewport are registered. Chromium's PrePaint visits every range
 * of a highlight each time ranges are added or removed: on a 2 MB page with thousands of marks, the frames that
 * added them took 38-118 ms (ADR 0002). An IntersectionObserver on the marks' parent elements keeps the marks
 * within one viewport height above and below the visible part registered; scrolling brings the next ones in.
 */
export const WINDOW_MIN = 1000;
const WINDOW_MARGIN = '100% 0px';

type Observer = { observe(el: Element): void; unobserve(el: Element): void; disconnect(): void };
type ObserverCtor = new (
  cb: (entries: Array<{ target: Element; isIntersecting: boolean; boundingClientRect: { width: number; height: number } }>) => void,
  opts: { rootMargin: string },
) => Observer;
/** The element that places a mark on the page: its first text node's parent. */
const placeOf = (m: Markable): Element | null => m.nodes?.[0]?.parentElement ?? null;

export class Highlighter {
  private marked: readonly Markable[] = [];
  private readonly registry: Registry | undefined;
  private readonly Ctor: HighlightCtor | undefined;
  /** What is registered now, under which style. */
  private current: { style: MarkStyle; highlight: HighlightLike; items: Set<Markable> } | null = null;
  /** Marks still to add, in reading order, and the pending frame that adds the next batch. */
  private queue: Markable[] = [];
  private frame: (() => void) | null = null;
  /** Only marks near the viewport are registered (more than WINDOW_MIN marks): the observed places and those near now. */
  private window: { observer: Observer; observed: Set<Element>; near: Set<Element>; reported: boolean } | null = null;

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
    this.placeWindow(items);
    this.apply();
  }

  /** Whether only marks near the viewport are registered now. */
  get windowed(): boolean {
    return this.window !== null;
  }

  /** Register what should be (every mark, or those near the viewport): only the difference from what is. */
  private apply(): void {
    if (!this.current) return;
    const { highlight, items: have } = this.current;
    const near = this.window?.near;
    // Until the observer has reported on newly observed places, what is registered stays (no flash of unmarked text).
    const waiting = this.awaitingReport;
    const want = near
      ? this.marked.filter((m) => {
          const place = placeOf(m);
          return place === null || near.has(place) || (waiting && have.has(m));
        })
      : this.marked;
    const wanted = new Set(want);
    for (const m of have) {
      if (wanted.has(m)) continue;
      highlight.delete(m.range);
      have.delete(m);
    }
    this.queue = want.filter((m) => !have.has(m));
    this.addBatch();
  }

  /** Above WINDOW_MIN marks (and where frames are batched), observe the marks' places; below it, stop observing. */
  private placeWindow(items: readonly Markable[]): void {
    const Observer = (this.win as unknown as { IntersectionObserver?: ObserverCtor }).IntersectionObserver;
    if (items.length <= WINDOW_MIN || this.perFrame === Infinity || !Observer) {
      this.window?.observer.disconnect();
      this.window = null;
      return;
    }
    if (!this.window) {
      const near = new Set<Element>();
      const observer = new Observer(
        (entries) => {
          if (this.window) this.window.reported = true;
          for (const e of entries) {
            // A place without a box of its own (display: contents) never intersects: keep its marks registered.
            if (e.isIntersecting || (e.boundingClientRect.width === 0 && e.boundingClientRect.height === 0)) near.add(e.target);
            else near.delete(e.target);
          }
          this.apply();
        },
        { rootMargin: WINDOW_MARGIN },
      );
      this.window = { observer, observed: new Set(), near, reported: false };
    }
    const { observer, observed, near } = this.window;
    const places = new Set<Element>();
    for (const m of items) {
      const place = placeOf(m);
      if (place) places.add(place);
    }
    for (const el of observed) {
      if (places.has(el)) continue;
      observer.unobserve(el);
      observed.delete(el);
      near.delete(el);
    }
    for (const el of places) {
      if (observed.has(el)) continue;
      observer.observe(el);
      observed.add(el);
      this.window.reported = false;
    }
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
    // Newly observed places: their marks wait for the observer's first report (which a hidden tab never makes).
    return this.queue.length > 0 || (this.awaitingReport && this.win.document?.visibilityState !== 'hidden');
  }

  /** Places were observed that the observer has not reported on yet. */
  private get awaitingReport(): boolean {
    return this.window !== null && !this.window.reported;
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
    this.window?.observer.disconnect();
    this.window = null;
    if (!this.registry) return;
    for (const name of Object.values(MARK_NAME)) this.registry.delete(name);
  }

  clear(): void {
    this.clearMarks();
    this.focus(null);
  }
}
