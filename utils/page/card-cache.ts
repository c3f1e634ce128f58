/**
 * The cards and locator maps a page has asked for: one request per card or country, cards of
 * every entity on the page prefetched (in batches of 50 per message), the reader's own glossary cards built
 * locally. Fetchers are injected, so this is tested in Node with fakes.
 */
import type { CardResponse } from '../messages';
import type { LocatorMap } from '../map/locator';

export type CardFetchers = {
  card(id: string): Promise<CardResponse>;
  cards(ids: string[]): Promise<Record<string, CardResponse>>;
  map(country: string): Promise<LocatorMap | null>;
};

/** At most this many cards are prefetched for one page. */
export const PREFETCH_LIMIT = 500;
/**
 * Cards per prefetch message. Receiving a reply is one task in the page (Firefox deserialises it in one
 * microtask): 500 cards in one reply made a 112 ms task on the 2 MB page; 50 are a few milliseconds.
 */
export const PREFETCH_BATCH = 50;

export class CardCache {
  private readonly cards = new Map<string, Promise<CardResponse>>();
  private readonly maps = new Map<string, LocatorMap | null>();
  private readonly mapLoads = new Map<string, Promise<LocatorMap | null>>();

  constructor(
    private readonly fetch: CardFetchers,
    /** A card the page can build itself (the reader's glossary), or undefined. */
    private readonly local: (id: string) => CardResponse | undefined = () => undefined,
  ) {}

  /** The card for an entity id: cached, local, or asked for once (null when there is none or no answer). */
  get(id: string): Promise<CardResponse> {
    let p = this.cards.get(id);
    if (!p) {
      const own = this.local(id);
      p =
        own !== undefined
          ? Promise.resolve(own)
          : this.fetch.card(id).then(
              (r) => r ?? null,
              () => null,
            );
      this.cards.set(id, p);
    }
    return p;
  }

  /** Ask for the cards of these ids (those not asked for yet, and not local), a batch per message, one after another. */
  async prefetch(ids: readonly string[]): Promise<void> {
    const wanted = ids.filter((id) => !this.cards.has(id) && this.local(id) === undefined).slice(0, PREFETCH_LIMIT);
    for (let i = 0; i < wanted.length; i += PREFETCH_BATCH) {
      const batch = wanted.slice(i, i + PREFETCH_BATCH).filter((id) => !this.cards.has(id)); // a hover may have asked meanwhile
      if (batch.length === 0) continue;
      try {
        const got = await this.fetch.cards(batch);
        for (const [id, card] of Object.entries(got ?? {})) if (!this.cards.has(id)) this.cards.set(id, Promise.resolve(card));
      } catch {
        return; // No answer (the extension was reloaded): cards are asked for one by one on hover.
      }
    }
  }

  /** Forget cards whose ids start with `prefix` (the reader's glossary changed). */
  forget(prefix: string): void {
    for (const id of this.cards.keys()) if (id.startsWith(prefix)) this.cards.delete(id);
  }

  /** The map drawn for a country, undefined while it has not been asked for or is on its way. */
  cachedMap(country: string): LocatorMap | null | undefined {
    return this.maps.get(country);
  }

  /** A country's locator map, drawn by the background on first request; one request per country. */
  map(country: string): Promise<LocatorMap | null> {
    let p = this.mapLoads.get(country);
    if (!p) {
      p = this.fetch
        .map(country)
        .catch(() => null)
        .then((m) => {
          this.maps.set(country, m ?? null);
          return m ?? null;
        });
      this.mapLoads.set(country, p);
    }
    return p;
  }
}
