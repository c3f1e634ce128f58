import { describe, expect, test } from 'vitest';
import { auditDataset, findCollisions } from '../../scripts/dataset/audit';
import { validateEntity } from '../../utils/dataset/validate';
import { loadDataFiles } from '../../scripts/load-data';
import { BUILD_ALIAS_OPTIONS } from '../../scripts/lib/english-words';
import { matchAliases, titleCaseForm } from '../../utils/dataset/aliases';
import { withNameClashes } from '../../scripts/dataset/rules';

const valid = {
  id: 'test-entity',
  type: 'place',
  kind: 'country',
  name: 'Testland',
  aliases: [],
  summary: 'A country made up for tests.',
  facts: [
    { label: 'Capital', value: 'Test City' },
    { label: 'Population', value: 'About 1 million', asOf: '2024' },
  ],
  links: { wikipedia: 'https://en.wikipedia.org/wiki/Testland' },
  reviewed: '2026-11-29',
};
const audit = (...entities: unknown[]) => auditDataset([{ path: 'test.json', data: entities }]).problems.map((p) => p.message);

describe('the bundled dataset', () => {
  const { entities, problems, collisions } = auditDataset(loadDataFiles('data'), BUILD_ALIAS_OPTIONS);

  test('passes the audit: schema, ids, editorial rules, references, collisions', () => {
    expect(problems).toEqual([]);
    expect(collisions.every((c) => c.resolved)).toBe(true);
  });

  test('covers the coverage targets of both dataset issues', () => {
    const count = (...types: string[]) => entities.filter((e) => types.includes(e.type)).length;
    expect(count('place', 'organization', 'media')).toBeGreaterThanOrEqual(1200);
    expect(count('person', 'event', 'initiative', 'product', 'concept')).toBeGreaterThanOrEqual(1300);
    expect(count('person')).toBeGreaterThanOrEqual(600);
    expect(count('event')).toBeGreaterThanOrEqual(250);
    expect(count('initiative')).toBeGreaterThanOrEqual(200);
    expect(count('product')).toBeGreaterThanOrEqual(120);
    expect(count('concept')).toBeGreaterThanOrEqual(100);
  });

  test('includes every name of the reference story', () => {
    const ids = new Set(entities.map((e) => e.id));
    for (const id of [
      'vladimir-putin',
      'xi-jinping',
      'beijing',
      'moscow',
      'moscow-kremlin',
      'russia',
      'china',
      'ukraine',
      'taiwan',
      'united-states',
      'european-union',
      '2022-winter-olympics',
      '2022-winter-olympics-diplomatic-boycott',
      'cgtn',
      'xinhua-news-agency',
      'china-media-group',
      'peoples-daily',
      'weibo',
      'reuters',
      'associated-press',
      'radio-france-internationale',
      'sputnik-v',
      'covid-19-pandemic',
      'belt-and-road-initiative',
      'yuri-ushakov',
      'january-6-united-states-capitol-attack',
      'power-of-siberia-pipeline',
      'gazprom',
      'shanghai-cooperation-organisation',
      'brics',
      'china-carbon-neutrality-target',
      'annexation-of-crimea-by-the-russian-federation',
      'eastern-europe',
      'central-asia',
      'brazil',
    ])
      expect(ids.has(id), id).toBe(true);
  });

  test('every summary is at most 300 characters and unique', () => {
    expect(entities.every((e) => e.summary.length <= 300)).toBe(true);
    expect(new Set(entities.map((e) => e.summary)).size).toBe(entities.length);
  });
});

describe('the audit catches', () => {
  test('a valid entity passes', () => {
    expect(audit(valid)).toEqual([]);
  });
  test('duplicate ids', () => {
    expect(audit(valid, { ...valid, name: 'Other', aliases: [] })).toContain('duplicate id, also in test.json');
  });
  test('an undated fact that can change', () => {
    expect(audit({ ...valid, facts: [...valid.facts, { label: 'President', value: 'Someone' }] })).toContain(
      'fact "President" can change, so it needs from, to or asOf',
    );
  });
  test('a common word as an alias without a rule', () => {
    expect(audit({ ...valid, aliases: ['Turkey'] })).toContain('alias "Turkey" is a common word: add caseSensitive, afterFull or context');
    expect(audit({ ...valid, aliases: [{ text: 'May', caseSensitive: true }] })).toContain(
      'alias "May" means something else even when capitalised: add afterFull or context',
    );
    expect(audit({ ...valid, aliases: [{ text: 'May', afterFull: true }] })).toEqual([]);
  });
  test('broken related and context ids', () => {
    expect(audit({ ...valid, related: ['nowhere'] })).toContain('related id "nowhere" does not exist');
    const ctx = audit({ ...valid, aliases: [{ text: 'Valid Land', context: ['elsewhere'] }] });
    expect(ctx).toContain('context id "elsewhere" of alias "Valid Land" does not exist');
  });
  test('fewer than two facts and a missing Wikipedia link', () => {
    const p = audit({ ...valid, facts: [valid.facts[0]], links: {} });
    expect(p).toContain('needs at least two facts');
    expect(p).toContain('needs a Wikipedia link');
  });
  test('a shared alias without a separating rule, and the rules that resolve it', () => {
    const a = { ...valid, id: 'georgia-country', name: 'Georgia', aliases: [] };
    const b = { ...valid, id: 'georgia-us-state', name: 'Georgia', aliases: [] };
    expect(findCollisions([a, b] as never).map((c) => c.resolved)).toEqual([false]);
    const ruled = { ...b, aliases: [{ text: 'Georgia', context: ['georgia-country'] }] };
    expect(findCollisions([a, ruled] as never).map((c) => c.resolved)).toEqual([true]);
    const acronyms = [
      { ...valid, id: 'x', name: 'AP' },
      { ...valid, id: 'y', name: 'Ap', aliases: [{ text: 'Ap', caseSensitive: true }] },
    ];
    expect(findCollisions(acronyms as never).map((c) => c.resolved)).toEqual([true]);
  });
  test('shared aliases folded exactly as the matcher folds them (ł, ø, dashes, quotes), so none slips past', () => {
    const lodz = { ...valid, id: 'lodz', name: 'Łódź', aliases: [] };
    const other = { ...valid, id: 'lodz-fc', name: 'Lodz', aliases: [] };
    expect(findCollisions([lodz, other] as never)).toEqual([
      {
        key: 'lodz',
        entries: [
          { id: 'lodz', text: 'Łódź', rule: 'none' },
          { id: 'lodz-fc', text: 'Lodz', rule: 'none' },
        ],
        resolved: false,
      },
    ]);
    const dash = [
      { ...valid, id: 'a', name: 'Guinea‑Bissau' },
      { ...valid, id: 'b', name: 'Guinea-Bissau' },
      { ...valid, id: 'c', name: 'Søren’s' },
      { ...valid, id: 'd', name: "Soren's" },
    ];
    expect(findCollisions(dash as never).map((c) => [c.key, c.resolved])).toEqual([
      ['guinea-bissau', false],
      ["soren's", false],
    ]);
    // The audit reports them as problems.
    const { problems } = auditDataset([{ path: 'x.json', data: [lodz, other] }]);
    expect(problems.map((p) => p.message)).toContain('alias "lodz" is shared without a rule that separates the entities');
  });
});

describe('the schema', () => {
  test('rejects HTML, long summaries, bad dates, bad ids and bad links', () => {
    const bad = [
      { ...valid, summary: '<b>bold</b>' },
      { ...valid, summary: 'x'.repeat(301) },
      { ...valid, reviewed: '2026-13-01' },
      { ...valid, id: 'Not Kebab' },
      { ...valid, links: { wikipedia: 'http://example.com' } },
      { ...valid, country: 'usa' },
      { ...valid, facts: [{ label: 'Term', value: 'x', from: '2010', to: '2009' }] },
      { ...valid, extra: 1 },
    ];
    for (const b of bad) expect(validateEntity(b).ok).toBe(false);
    expect(validateEntity(valid).ok).toBe(true);
  });
});

describe('other-language names (data/names/<lang>.json)', () => {
  test('are merged into the entity as aliases tagged with the language; unknown ids and bad entries are problems', async () => {
    const { mergeNames } = await import('../../scripts/load-data');
    const files = [{ path: 'x.json', data: [{ ...valid, id: 'valid-land', name: 'Valid Land', aliases: ['VL Republic'] }] }];
    const problems = mergeNames(
      files,
      'fr',
      { 'valid-land': ['Pays Valide', { text: 'PV', caseSensitive: true }, 'VL Republic'], nowhere: ['X'] },
      'data/names/fr.json',
    );
    expect((files[0].data[0] as { aliases: unknown[] }).aliases).toEqual([
      'VL Republic',
      { text: 'Pays Valide', lang: 'fr' },
      { text: 'PV', caseSensitive: true, lang: 'fr' },
    ]);
    expect(problems).toEqual([{ where: 'data/names/fr.json.nowhere', message: 'no entity has the id "nowhere"' }]);
    expect(mergeNames(files, 'fr', { 'valid-land': 'Pays' }, 'p')).toEqual([{ where: 'p.valid-land', message: 'must be a list of names' }]);
    expect(mergeNames(files, 'French', {}, 'p')[0].message).toMatch(/BCP 47/);
    // The merged names go through the same audit as every alias.
    const { problems: audited } = auditDataset([{ path: 'x.json', data: [{ ...valid, aliases: [{ text: '<b>', lang: 'fr' }] }] }]);
    expect(audited.map((p) => p.message)).toContain('must be plain text (no < or >)');
  });
});

describe('newsroom title case for acronyms', () => {
  // As the build passes it: a word list plus the editorial clash lists ("Sana" is a name).
  const isWord = withNameClashes((w: string) => ['swift', 'aids'].includes(w));
  test('acronyms of four or more characters get their title-case form unless it is a word or a name', () => {
    expect(
      ['NATO', 'BRICS', 'OPEC+', 'UNICEF', 'COP30', 'SWIFT', 'NICE', 'AIDS', 'EU', 'BBC', 'G20', 'SANA', 'ТАСС'].map((t) => titleCaseForm(t, isWord)),
    ).toEqual(['Nato', 'Brics', 'Opec+', 'Unicef', 'Cop30', null, null, null, null, null, null, null, null]);
  });
  test('the form is case-sensitive, keeps the alias rules, and titleCase: false turns it off', () => {
    const nato = matchAliases({ name: 'NATO', aliases: [{ text: 'OTAN', lang: 'fr', context: ['x'] }] }, { isWord });
    expect(nato).toEqual([
      { text: 'NATO' },
      { text: 'OTAN', lang: 'fr', context: ['x'] },
      { text: 'Nato', caseSensitive: true },
      { text: 'Otan', lang: 'fr', context: ['x'], caseSensitive: true },
    ]);
    const off = matchAliases({ name: 'Council', aliases: [{ text: 'NICEX', titleCase: false }] }, { isWord });
    expect(off.map((a) => a.text)).toEqual(['Council', 'NICEX']);
    // Without a word list (the reader's glossary at run time) nothing is added.
    expect(matchAliases({ name: 'NATO', aliases: [] })).toEqual([{ text: 'NATO' }]);
  });
});
