import { describe, it, expect } from 'vitest';
import { buildKnownIndex, isKnown } from '../../scripts/coverage/known';
import { loadDataFiles } from '../../scripts/load-data';
import { auditDataset } from '../../scripts/dataset/audit';

describe('isKnown on small entities', () => {
  const index = buildKnownIndex([
    { name: 'São Paulo', aliases: [] },
    { name: 'The Troubles', aliases: ['Northern Ireland conflict'] },
    { name: 'World Health Organization', aliases: ['WHO'] },
    { name: 'Apple', aliases: [{ text: 'Apple Inc.', caseSensitive: true }] },
  ]);

  it('folds case, diacritics and spaces like the matcher', () => {
    expect(isKnown(index, 'Sao Paulo')).toBe(true);
    expect(isKnown(index, 'são  paulo')).toBe(true);
    expect(isKnown(index, 'northern ireland conflict')).toBe(true);
  });

  it('keeps the case of case-sensitive aliases and acronyms', () => {
    expect(isKnown(index, 'WHO')).toBe(true);
    expect(isKnown(index, 'Who')).toBe(false);
    expect(isKnown(index, 'Apple Inc.')).toBe(true);
    expect(isKnown(index, 'apple inc.')).toBe(false);
  });

  it('lets a leading "the" differ on either side', () => {
    expect(isKnown(index, 'Troubles')).toBe(true);
    expect(isKnown(index, 'the World Health Organization')).toBe(true);
    expect(isKnown(index, 'The WHO')).toBe(true);
  });
});

describe('isKnown on the bundled dataset', () => {
  const index = buildKnownIndex(auditDataset(loadDataFiles('data')).entities);

  it('knows names and aliases', () => {
    expect(isKnown(index, 'Emmanuel Macron')).toBe(true);
    expect(isKnown(index, 'President Macron')).toBe(true);
    expect(isKnown(index, 'North Atlantic Treaty Organisation')).toBe(true);
  });

  it('matches acronyms only in their case', () => {
    expect(isKnown(index, 'EU')).toBe(true);
    expect(isKnown(index, 'Eu')).toBe(false);
  });

  it('accepts a "the" prefix and rejects unknown names', () => {
    expect(isKnown(index, 'the European Union')).toBe(true);
    expect(isKnown(index, 'Holocaust')).toBe(true);
    expect(isKnown(index, 'Zqxv Holdings of Nowhere')).toBe(false);
  });
});
