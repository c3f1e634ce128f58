/**
 * The single element Backstory adds to a page: <backstory-card>, appended to
 * <html> (outside <body>) when a page with names is idle (the warm-up) or on the first card, holding the card in an open
 * shadow root (open, so tests and assistive tools can read it; it holds only public dataset text). Styles go through adoptedStyleSheets where the engine allows it,
 * which page CSP cannot block.
 */
import { render } from 'preact';
import { Card, UnknownCard, type CardProps } from '../../components/Card';
import { CARD_CSS } from '../../components/card-style';
import { placeCard, SHEET_BELOW_PX } from '../../utils/position';
import type { Rect } from '../../utils/geometry';

export type ShowOptions = Omit<CardProps, 'onClose'> & {
  anchor: Rect;
  theme: 'auto' | 'light' | 'dark';
  onClose: () => void;
  focus?: boolean;
};

export class CardHost {
  private host: HTMLElement | null = null;
  private wrap: HTMLDivElement | null = null;
  private lastFocus: Element | null = null;
  visible = false;

  constructor(
    private readonly doc: Document,
    private readonly events: { onEnter: () => void; onLeave: () => void },
  ) {}

  private parsed: CSSStyleSheet | null = null;
  /** The card's style sheet, parsed once (throws where constructable sheets are missing). */
  private sheet(): CSSStyleSheet {
    if (!this.parsed) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CARD_CSS);
      this.parsed = sheet;
    }
    return this.parsed;
  }

  get element(): HTMLElement | null {
    return this.host;
  }

  private ensure(): HTMLDivElement {
    if (this.wrap && this.host?.isConnected) return this.wrap;
    const host = this.doc.createElement('backstory-card');
    host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647;');
    const shadow = host.attachShadow({ mode: 'open' });
    try {
      shadow.adoptedStyleSheets = [this.sheet()];
    } catch {
      // Firefox content scripts cannot adopt a sheet built in their own compartment; a <style> inside our own shadow root is the fallback.
      const style = this.doc.createElement('style');
      style.textContent = CARD_CSS;
      shadow.append(style);
    }
    const wrap = this.doc.createElement('div');
    wrap.className = 'wrap';
    wrap.hidden = true;
    wrap.addEventListener('pointerenter', () => this.events.onEnter());
    wrap.addEventListener('pointerleave', () => this.events.onLeave());
    wrap.addEventListener('focusin', () => this.events.onEnter());
    shadow.append(wrap);
    // One host per page: a copy of Backstory retired under this one (an add-on reloaded or updated in Firefox, whose
    // old script is stopped without a chance to clean up) may have left its own.
    for (const old of this.doc.querySelectorAll('backstory-card')) old.remove();
    this.doc.documentElement.append(host);
    this.host = host;
    this.wrap = wrap;
    return wrap;
  }

  /**
   * Render a card ahead of time, laid out but invisible (visibility: hidden, marked "prepared"), while the
   * reader's pointer rests on a name: showing it then costs only placement.
   */
  prepare(opts: Omit<ShowOptions, 'anchor' | 'focus'>): void {
    if (this.visible) return;
    const wrap = this.ensure();
    const { theme, ...props } = opts;
    wrap.className = `wrap ${theme} prepared`;
    wrap.classList.toggle('sheet', this.doc.defaultView!.innerWidth < SHEET_BELOW_PX);
    render(<Card {...props} />, wrap);
    wrap.style.visibility = 'hidden';
    wrap.hidden = false;
  }

  /**
   * Once the page is marked and idle: lay one card out in our host, hidden, and take it down again, so the first card a
   * reader opens does not pay for compiling Preact and the card's components, matching the card's style sheet and
   * resolving its fonts (the first layout of a card took 6–19 ms in Chromium without this, 2–5 ms with it).
   */
  warm(opts: Omit<ShowOptions, 'anchor' | 'focus'>): void {
    if (this.visible) return;
    this.prepare(opts);
    void this.wrap!.getBoundingClientRect();
    this.hide();
  }

  async show(opts: ShowOptions): Promise<void> {
    const wrap = this.ensure();
    const { anchor, theme, focus, ...props } = opts;
    wrap.className = `wrap ${theme}`;
    const sheet = this.doc.defaultView!.innerWidth < SHEET_BELOW_PX;
    wrap.classList.toggle('sheet', sheet);
    render(<Card {...props} />, wrap);
    wrap.hidden = false;
    wrap.style.visibility = 'hidden';
    this.visible = true;
    if (!sheet) placeCard(anchor, wrap, { rtl: this.doc.documentElement.dir === 'rtl' });
    wrap.style.visibility = 'visible';
    if (focus) {
      // Remember where the reader was, unless focus is already in the card (moving from card to card).
      if (this.doc.activeElement !== this.host) this.lastFocus = this.doc.activeElement;
      (wrap.querySelector('.close') as HTMLElement | null)?.focus();
    }
  }

  /** A selection Backstory does not know: say so beside it, and offer the glossary. */
  async showUnknown(opts: { text: string; anchor: Rect; theme: 'auto' | 'light' | 'dark'; onAdd: () => void; onClose: () => void }): Promise<void> {
    const wrap = this.ensure();
    wrap.className = `wrap ${opts.theme}`;
    render(<UnknownCard text={opts.text} onAdd={opts.onAdd} onClose={opts.onClose} />, wrap);
    wrap.hidden = false;
    this.visible = true;
    placeCard(opts.anchor, wrap);
    wrap.style.visibility = 'visible';
    (wrap.querySelector('.chip') as HTMLElement | null)?.focus();
  }

  hide(): void {
    if (!this.wrap) return;
    this.wrap.hidden = true;
    this.wrap.classList.remove('prepared');
    render(null, this.wrap);
    this.visible = false;
    if (this.lastFocus instanceof HTMLElement) this.lastFocus.focus({ preventScroll: true });
    this.lastFocus = null;
  }

  /** The card's box on screen, for the safe path. */
  rect(): DOMRect | null {
    return this.visible && this.wrap ? this.wrap.getBoundingClientRect() : null;
  }

  /** Move the shown card beside a new anchor (a pinned card follows its name on scroll). */
  reposition(anchor: Rect): void {
    if (!this.wrap || !this.visible || this.wrap.classList.contains('sheet')) return;
    placeCard(anchor, this.wrap, { rtl: this.doc.documentElement.dir === 'rtl' });
  }

  contains(node: EventTarget | null): boolean {
    return node === this.host;
  }

  destroy(): void {
    if (this.wrap) render(null, this.wrap);
    this.host?.remove();
    this.host = null;
    this.wrap = null;
  }
}
