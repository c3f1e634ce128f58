import { describe, expect, test } from 'vitest';
import { foundEntities, longestHit, markedMentions, statusReason, stepIndex, visibleMentions } from '../../utils/page/mention-view';
import { resolveSettings } from '../../utils/settings';

const entities = [
  { id: 'russia', name: 'Russia', type: 'place' as const },
  { id: 'nato', name: 'NATO', type: 'organization' as const },
  { id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person' as const },
];
// Reading order: Russia, NATO, Russia, Putin, NATO.
const records = [0, 1, 0, 2, 1].map((entity, seq) => ({ entity, seq }));

describe('the mention view', () => {
  test('categories filter what counts, in reading order', () => {
    const { categories } = resolveSettings({ categories: { place: false } });
    expect(visibleMentions(records, (i) => entities[i].type, categories).map((r) => r.seq)).toEqual([1, 3, 4]);
  });

  test('first mention marks one per entity, every marks all, none marks nothing', () => {
    expect(markedMentions(records, 'first').map((r) => r.seq)).toEqual([0, 1, 3]);
    expect(markedMentions(records, 'every')).toHaveLength(5);
    expect(markedMentions(records, 'none')).toEqual([]);
  });

  test('"In this article" lists each entity once with its count, in order of first mention', () => {
    expect(foundEntities(records, (i) => entities[i])).toEqual([
      { id: 'russia', name: 'Russia', type: 'place', count: 2 },
      { id: 'nato', name: 'NATO', type: 'organization', count: 2 },
      { id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person', count: 1 },
    ]);
  });

  test('the reason for no marks, in order of precedence', () => {
    const on = resolveSettings({});
    expect(statusReason(resolveSettings({ enabled: false, sites: { 'a.example': 'never' } }), 'a.example', false, 0)).toBe('disabled');
    expect(statusReason(resolveSettings({ sites: { 'a.example': 'never' } }), 'a.example', false, 0)).toBe('muted');
    expect(statusReason(on, 'a.example', false, 0)).toBe('not-article');
    expect(statusReason(on, 'a.example', true, 0)).toBe('none-found');
    expect(statusReason(on, 'a.example', true, 3)).toBeUndefined();
  });

  test('explain picks the longest hit; the first of equals', () => {
    expect(
      longestHit([
        { start: 0, end: 5, n: 'a' },
        { start: 6, end: 20, n: 'b' },
        { start: 21, end: 35, n: 'c' },
      ])?.n,
    ).toBe('b');
    expect(longestHit([])).toBeUndefined();
  });

  test('keyboard steps wrap both ways and start at either end', () => {
    expect(stepIndex(-1, 1, 3)).toBe(0);
    expect(stepIndex(-1, -1, 3)).toBe(2);
    expect(stepIndex(2, 1, 3)).toBe(0);
    expect(stepIndex(0, -1, 3)).toBe(2);
    expect(stepIndex(-1, 1, 0)).toBe(-1);
  });
});
