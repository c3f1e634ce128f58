/**
 * Hover → card: owns the card host, the hover intent, the card cache, the card's history
 * (related → back) and what is shown; the page session tells it about the matcher and settings.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Rect } from '../../utils/geometry';
import { HoverIntent } from '../../utils/hover-intent';
import type { CatalogueView } from '../../utils/catalogue';
import type { LocatorMap } from '../../utils/map/locator';
import { sendToBackground, type CardResponse } from '../../utils/messages';
import { CardCache } from '../../utils/page/card-cache';
import { afterNextPaint, recordTiming } from '../../utils/page/timings';
import type { MentionRecord } from '../../utils/scan/page-scan';
import type { Settings } from '../../utils/settings';
import { LazyCardHost } from './card-loader';

export type Target = { record: MentionRecord; rect: Rect };
export type CardPage = {
  catalogue(): CatalogueView | null;
  settings(): Settings;
  articleDate(): string | undefined;
  /** Draw (or clear) the keyboard focus mark. */
  focus(range: Range | null): void;
};

export class CardController {
  readonly host: LazyCardHost;
  readonly intent: HoverIntent<Target>;
  readonly cache = new CardCache(
    {
      card: (id) => sendToBackground('card', { id }),
      cards: (ids) => sendToBackground('cards', { ids }),
      map: (country) => sendToBackground('map', { country }),
    },
    (id) => this.page.catalogue()?.localCard(id),
  );
  private history: string[] = [];
  private shown: { id: string; rect: Rect } | null = null;

  constructor(
    doc: Document,
    ctx: ContentScriptContext,
    private readonly page: CardPage,
  ) {
    this.host = new LazyCardHost(doc, { onEnter: () => this.intent.enterCard(), onLeave: () => this.intent.leaveCard() });
    this.intent = new HoverIntent<Target>(
      { onDwell: (t) => void this.prepare(t), onShow: (t, how) => void this.show(t, how.pinned), onHide: () => this.hide() },
      // Timers through the context: a retired script's pending dwell never fires.
      { setTimeout: (fn, ms) => ctx.setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
      page.settings().hoverDelay,
      (a, b) => a.record === b.record,
    );
  }

  /** The shown card's anchor, for a pinned card that follows its name on scroll. */
  get shownRect(): Rect | null {
    return this.shown?.rect ?? null;
  }

  entityId(r: MentionRecord): string {
    return this.page.catalogue()!.entity(r.entity).id;
  }

  /** Open the card for a mention and keep it open (keyboard, click, tap, explain). */
  pin(record: MentionRecord, rect: Rect): void {
    this.intent.pin({ record, rect });
  }

  /** The "not in Backstory" card for an explained selection. */
  async showUnknown(text: string, anchor: Rect): Promise<void> {
    this.intent.close();
    await this.host.showUnknown({
      text: text.slice(0, 80),
      anchor,
      theme: this.page.settings().theme,
      onAdd: () => {
        void sendToBackground('openOptions', { add: text.slice(0, 100) }).catch(() => {});
        this.host.hide();
      },
      onClose: () => this.host.hide(),
    });
  }

  /** Once the page's cards are fetched and the page is idle: render one card off the page (CardHost.warm). */
  async warm(id: string | undefined): Promise<void> {
    const data = id === undefined ? undefined : await this.cache.get(id);
    if (!data || this.host.visible || this.intent.state !== 'idle') return;
    await this.host.warm({ ...this.props(id!, data, undefined, null), theme: this.page.settings().theme }, () => this.intent.state === 'idle');
  }

  /** The dwell has ended (or the card was pinned): show it, and time it to the frame that paints it. */
  private async show(t: Target, pinned: boolean): Promise<void> {
    const dwellEnd = performance.now();
    this.history = [];
    await this.render(this.entityId(t.record), t.record.text, t.rect, pinned);
    if (!this.host.visible) return;
    // Our own work (the card rendered, measured once and placed); the rest, to `card`, is the browser's next frame.
    recordTiming('cardReady', dwellEnd);
    void afterNextPaint(window).then((painted) => recordTiming('card', dwellEnd, painted));
  }

  /**
   * The pointer has come to rest on a name: fetch its card and lay it out, invisible, while the dwell
   * runs, so showing it is only placement (the first card's layout took ~15 ms of a 30 ms task in Firefox).
   */
  private async prepare(t: Target): Promise<void> {
    const id = this.entityId(t.record);
    const data = await this.cache.get(id);
    if (!data || this.host.visible || this.intent.state !== 'dwelling') return;
    const country = data.entity.type === 'place' ? data.entity.country : undefined;
    if (country && this.cache.cachedMap(country) === undefined) void this.cache.map(country); // ready by the time the card shows
    this.host.prepare({ ...this.props(id, data, t.record.text, country ? this.cache.cachedMap(country) : null), theme: this.page.settings().theme });
  }

  private props(id: string, data: NonNullable<CardResponse>, matched: string | undefined, map: LocatorMap | null | undefined) {
    return {
      map,
      entity: data.entity,
      related: data.related,
      matched,
      articleDate: this.page.articleDate(),
      canGoBack: this.history.length > 0,
      onBack: () => {
        const prev = this.history.pop();
        if (prev && this.shown) void this.render(prev, undefined, this.shown.rect, false);
      },
      onRelated: (next: string) => {
        this.history.push(id);
        if (this.shown) void this.render(next, undefined, this.shown.rect, false);
      },
      onClose: () => this.intent.close(),
      custom: this.page.catalogue()?.isCustom(id) ?? false,
    };
  }

  private async render(id: string, matched: string | undefined, rect: Rect, focus: boolean, map?: LocatorMap | null): Promise<void> {
    const data = await this.cache.get(id);
    if (!data || this.intent.state === 'idle') return;
    this.shown = { id, rect };
    const country = data.entity.type === 'place' ? data.entity.country : undefined;
    if (country && map === undefined) {
      const cached = this.cache.cachedMap(country);
      if (cached !== undefined) map = cached;
      // Draw the card now; add the map when the background has drawn it.
      else
        void this.cache.map(country).then((m) => {
          if (m && this.shown?.id === id && this.host.visible) void this.render(id, matched, rect, false, m);
        });
    }
    await this.host.show({ ...this.props(id, data, matched, map), anchor: rect, theme: this.page.settings().theme, focus });
  }

  private hide(): void {
    this.host.hide();
    this.page.focus(null);
    this.shown = null;
  }
}
