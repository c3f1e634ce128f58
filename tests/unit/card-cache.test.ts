import { describe, expect, test } from 'vitest';
import { CardCache, PREFETCH_BATCH, PREFETCH_LIMIT } from '../../utils/page/card-cache';
import type { CardResponse } from '../../utils/messages';

const card = (id: string): CardResponse => ({
  entity: { id, type: 'place', name: id, aliases: [], summary: '', facts: [], links: {}, reviewed: '2026-12-07' } as never,
  related: [],
});

function fakes() {
  const asked: string[] = [];
  const fetch = {
    card: async (id: string) => (asked.push(`card:${id}`), id === 'none' ? null : card(id)),
    cards: async (ids: string[]) => (asked.push(`cards:${ids.length}`), Object.fromEntries(ids.map((id) => [id, card(id)]))),
    map: async (c: string) => (asked.push(`map:${c}`), { size: 1, sphere: '', graticule: '', land: '', focus: c }),
  };
  return { asked, fetch };
}

describe('the card cache', () => {
  test('asks once per card; local (glossary) cards are never asked for', async () => {
    const { asked, fetch } = fakes();
    const cache = new CardCache(fetch, (id) => (id.startsWith('custom:') ? card(id) : undefined));
    await Promise.all([cache.get('russia'), cache.get('russia'), cache.get('custom:desk')]);
    expect(await cache.get('none')).toBeNull();
    expect(asked).toEqual(['card:russia', 'card:none']);
  });

  test('prefetch asks for the rest in batches, at most the limit, and answers later hovers from them', async () => {
    const { asked, fetch } = fakes();
    const cache = new CardCache(fetch);
    await cache.get('russia');
    const ids = ['russia', ...Array.from({ length: PREFETCH_LIMIT + 10 }, (_, i) => `e${i}`)];
    await cache.prefetch(ids);
    const batches = Array.from({ length: PREFETCH_LIMIT / PREFETCH_BATCH }, () => `cards:${PREFETCH_BATCH}`);
    expect(asked).toEqual(['card:russia', ...batches]);
    expect((await cache.get('e3'))?.entity.id).toBe('e3');
    expect((await cache.get(`e${PREFETCH_LIMIT - 2}`))?.entity.id).toBe(`e${PREFETCH_LIMIT - 2}`);
    expect(asked).toHaveLength(1 + batches.length);
    // Beyond the limit, a hover asks for its own card.
    await cache.get(`e${PREFETCH_LIMIT + 5}`);
    expect(asked.at(-1)).toBe(`card:e${PREFETCH_LIMIT + 5}`);
  });

  test('a card asked for by a hover while the prefetch runs is not asked for again', async () => {
    const { asked, fetch } = fakes();
    const cache = new CardCache(fetch);
    const ids = Array.from({ length: PREFETCH_BATCH * 2 }, (_, i) => `e${i}`);
    const running = cache.prefetch(ids);
    await cache.get(`e${PREFETCH_BATCH + 1}`); // in the second batch, asked before that batch goes out
    await running;
    expect(asked).toEqual([`cards:${PREFETCH_BATCH}`, `card:e${PREFETCH_BATCH + 1}`, `cards:${PREFETCH_BATCH - 1}`]);
  });

  test('a failed prefetch or card request leaves hovers working; forget drops a prefix', async () => {
    const { asked, fetch } = fakes();
    const cache = new CardCache({
      ...fetch,
      cards: () => Promise.reject(new Error('reloaded')),
      card: (id) => (id === 'x' ? Promise.reject(new Error('gone')) : fetch.card(id)),
    });
    await cache.prefetch(['a']);
    expect(await cache.get('x')).toBeNull();
    expect((await cache.get('a'))?.entity.id).toBe('a');
    cache.forget('a');
    await cache.get('a');
    expect(asked.filter((a) => a === 'card:a')).toHaveLength(2);
  });

  test('one map request per country; cachedMap says whether it is there yet', async () => {
    const { asked, fetch } = fakes();
    const cache = new CardCache(fetch);
    expect(cache.cachedMap('FR')).toBeUndefined();
    await Promise.all([cache.map('FR'), cache.map('FR')]);
    expect(cache.cachedMap('FR')?.focus).toBe('FR');
    expect(asked).toEqual(['map:FR']);
  });
});
