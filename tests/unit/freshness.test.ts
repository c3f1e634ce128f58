/** Which facts can go out of date, how old their evidence is, and how evidence dates are spread. */
import { describe, expect, test } from 'vitest';
import { evidenceDistribution, isOpenEnded, isPastEvent, openEndedFacts } from '../../scripts/dataset/freshness';
import type { Entity } from '../../utils/dataset/validate';

const entity = (id: string, type: Entity['type'], facts: Entity['facts'], reviewed = '2026-11-29'): Entity => ({
  id,
  type,
  name: id,
  aliases: [],
  summary: 'x',
  facts,
  links: {},
  reviewed,
});

describe('open-ended facts', () => {
  test('a volatile fact with from and no to, or any fact with asOf and no to', () => {
    expect(isOpenEnded({ label: 'President', value: 'X', from: '2020' })).toBe(true);
    expect(isOpenEnded({ label: 'Population', value: '5 million', asOf: '2024' })).toBe(true);
    expect(isOpenEnded({ label: 'President', value: 'X', from: '2020', to: '2024' })).toBe(false);
    expect(isOpenEnded({ label: 'Founded', value: '1990', from: '1990' })).toBe(false);
    expect(isOpenEnded({ label: 'Born', value: '1950' })).toBe(false);
  });

  test('listed oldest evidence first: asOf, else the card reviewed date; past events are history', () => {
    const list = openEndedFacts([
      entity('ruritania', 'place', [
        { label: 'President', value: 'Anna Berg', from: '2021', asOf: '2025-06' },
        { label: 'Population', value: 'About 2 million', asOf: '2011' },
      ]),
      entity('unity-party', 'organization', [{ label: 'Leader', value: 'Anna Berg', from: '2019' }], '2026-03-01'),
      entity('old-war', 'event', [
        { label: 'Began', value: '1914', from: '1914' },
        { label: 'Ended', value: '1918', to: '1918' },
        { label: 'Deaths', value: 'Millions', asOf: '1918' },
      ]),
      entity('ongoing-war', 'event', [
        { label: 'Began', value: '2022', from: '2022-02-24' },
        { label: 'Deaths', value: 'Tens of thousands', asOf: '2025-01' },
      ]),
    ]);
    expect(list.map((f) => [f.evidence, f.id, f.label, f.asOf])).toEqual([
      ['2011', 'ruritania', 'Population', '2011'],
      ['2025-01', 'ongoing-war', 'Deaths', '2025-01'],
      ['2025-06', 'ruritania', 'President', '2025-06'],
      ['2026-03-01', 'unity-party', 'Leader', undefined],
    ]);
    expect(isPastEvent({ type: 'event', facts: [{ label: 'Date', value: '2019', from: '2019' }] })).toBe(true);
  });
});

describe('evidence distribution', () => {
  test('by year, by quarter for 2025–2026, and the share dated 2026', () => {
    const d = evidenceDistribution(['2011', '2025-01', '2025-06-30', '2025-07', '2025', '2026-03', '2026-11-29', '2026-12']);
    expect(d.byYear).toEqual([
      ['2011', 1],
      ['2025', 4],
      ['2026', 3],
    ]);
    expect(Object.fromEntries(d.byQuarter)).toEqual({
      '2025 (year only)': 1,
      '2025-Q1': 1,
      '2025-Q2': 1,
      '2025-Q3': 1,
      '2025-Q4': 0,
      '2026-Q1': 1,
      '2026-Q2': 0,
      '2026-Q3': 0,
      '2026-Q4': 2,
    });
    expect(d.shareInYear).toBeCloseTo(3 / 8);
    expect(evidenceDistribution([]).shareInYear).toBe(0);
  });
});
