/**
 * The card host, loaded after start-up (Chromium) or bundled (Firefox), behind the interface the card controller
 * uses. A page's start-up needs the matcher, not the card: in Chromium the card's code (Preact, the Card component,
 * its style sheet: a quarter of the content script) is a script of its own, entrypoints/card.ts, which the
 * background puts into this frame when the page first has names and is idle, or when a card is wanted before that.
 */
import type { Rect } from '../../utils/geometry';
import { sendToBackground } from '../../utils/messages';
import type { CardHost, ShowOptions } from './card-host';

/** Where entrypoints/card.ts leaves the CardHost class, in the content script's own world (pages cannot see it). */
export const CARD_GLOBAL = 'backstoryCardHost';

type Events = { onEnter: () => void; onLeave: () => void };
type HostClass = new (doc: Document, events: Events) => CardHost;

/** The CardHost class: bundled in Firefox; in Chromium, card.js put into this frame by the background, then read from the world's global. */
export async function loadCardHost(): Promise<HostClass> {
  if (import.meta.env.FIREFOX) return (await import('./card-host')).CardHost;
  // Always inject, even when a global is there: a copy left by an older version of Backstory must not be used.
  const ok = await sendToBackground('loadCard', {});
  const got = (globalThis as unknown as Record<string, unknown>)[CARD_GLOBAL];
  if (!ok || typeof got !== 'function') throw new Error('the card script could not be loaded into this frame');
  return got as HostClass;
}

/**
 * The card host as the controller sees it, before and after the real one is loaded. Until then nothing is shown,
 * so nothing is visible, contained or placed; a card asked for waits for the load.
 */
export class LazyCardHost {
  private real: CardHost | null = null;
  private loading: Promise<CardHost | null> | null = null;
  private destroyed = false;

  constructor(
    private readonly doc: Document,
    private readonly events: Events,
    private readonly load: () => Promise<HostClass> = loadCardHost,
  ) {}

  /** Start loading the card (the page has names and is idle); resolves with the host, or null if it cannot load. */
  preload(): Promise<CardHost | null> {
    return (this.loading ??= this.load().then(
      (Host) => (this.destroyed ? null : (this.real = new Host(this.doc, this.events))),
      () => {
        this.loading = null; // try again on the next card asked for
        return null;
      },
    ));
  }

  get loaded(): boolean {
    return this.real !== null;
  }

  get visible(): boolean {
    return this.real?.visible ?? false;
  }

  get element(): HTMLElement | null {
    return this.real?.element ?? null;
  }

  prepare(opts: Omit<ShowOptions, 'anchor' | 'focus'>): void {
    if (this.real) this.real.prepare(opts);
    else void this.preload();
  }

  /** Lay a card out once, hidden (CardHost.warm), as soon as the card's code is here. */
  async warm(opts: Omit<ShowOptions, 'anchor' | 'focus'>, still: () => boolean = () => true): Promise<void> {
    const host = await this.preload();
    // The load took a moment: warm only if nothing started meanwhile (a dwell preparing a card, a card shown).
    if (host && !host.visible && still()) host.warm(opts);
  }

  async show(opts: ShowOptions): Promise<void> {
    await (await this.preload())?.show(opts);
  }

  async showUnknown(opts: Parameters<CardHost['showUnknown']>[0]): Promise<void> {
    await (await this.preload())?.showUnknown(opts);
  }

  hide(): void {
    this.real?.hide();
  }

  rect(): DOMRect | null {
    return this.real?.rect() ?? null;
  }

  reposition(anchor: Rect): void {
    this.real?.reposition(anchor);
  }

  contains(node: EventTarget | null): boolean {
    return this.real?.contains(node) ?? false;
  }

  destroy(): void {
    this.destroyed = true;
    this.real?.destroy();
    this.real = null;
  }
}
