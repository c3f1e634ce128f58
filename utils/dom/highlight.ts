/**
 * Marks mentions with the CSS Custom Highlight API: the page's DOM is never
 * touched. Styles come from public/highlights.css, injected by the manifest.
 * We keep our own Range list because a Firefox content script cannot iterate
 * a Highlight (Xray wrappers), and so tests can read what is marked.
 */
export type MarkStyle = 'dotted' | 'underline' | 'background';

export const MARK_NAME: Record<MarkStyle, string> = {
  dotted: 'backstory-dotted',
  underline: 'backstory-underline',
  background: 'backstory-background',
};
export const FOCUS_NAME = 'backstory-focus';

type HighlightCtor = new (...ranges: Range[]) => { add(r: Range): void; size: number };
type Registry = { set(name: string, h: unknown): void; delete(name: string): boolean };

export class Highlighter {
  private marked: Range[] = [];
  private readonly registry: Registry | undefined;
  private readonly Ctor: HighlightCtor | undefined;

  constructor(win: Window & typeof globalThis = window) {
    const css = (win as unknown as { CSS?: { highlights?: Registry } }).CSS;
    this.registry = css?.highlights;
    this.Ctor = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  }

  /** Without the API we mark nothing; hovering still works through hit testing. */
  get supported(): boolean {
    return Boolean(this.registry && this.Ctor);
  }

  get ranges(): readonly Range[] {
    return this.marked;
  }

  mark(ranges: Range[], style: MarkStyle): void {
    this.clearMarks();
    this.marked = ranges;
    if (!this.registry || !this.Ctor || ranges.length === 0) return;
    const h = new this.Ctor();
    for (const r of ranges) h.add(r);
    this.registry.set(MARK_NAME[style], h);
  }

  focus(range: Range | null): void {
    if (!this.registry || !this.Ctor) return;
    if (!range) this.registry.delete(FOCUS_NAME);
    else this.registry.set(FOCUS_NAME, new this.Ctor(range));
  }

  clearMarks(): void {
    this.marked = [];
    if (!this.registry) return;
    for (const name of Object.values(MARK_NAME)) this.registry.delete(name);
  }

  clear(): void {
    this.clearMarks();
    this.focus(null);
  }
}
