/**
 * The one entity validator (utils/dataset/validate.ts): every rule accepts a valid value and refuses
 * an invalid one at its path; the bundled dataset passes; and its three users (the build's audit,
 * the options page's import, the content script's catalogue) refuse the same entries.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import { isIsoDate, validateEntity, type Entity } from '../../utils/dataset/validate';
import { ENTITY_TYPES } from '../../utils/dataset/types';
import { compileIndex } from '../../utils/dataset/compile';
import { compileIndexPayload } from '../../utils/match/compiled';
import { loadCatalogue } from '../../utils/catalogue';
import { readGlossary } from '../../utils/glossary';
import { parseGlossaryImport } from '../../utils/glossary';
import { auditDataset } from '../../scripts/dataset/audit';
import { loadDataFiles } from '../../scripts/load-data';

const good: Entity = {
  id: 'my-term',
  type: 'concept',
  name: 'My Term',
  aliases: ['MT', { text: 'Term', caseSensitive: true, from: '2020', to: '2021-06' }],
  summary: 'A term I keep meeting.',
  facts: [{ label: 'Founded', value: '2007', asOf: '2026' }],
  links: { wikipedia: 'https://en.wikipedia.org/wiki/My_Term', official: 'https://example.org/x' },
  reviewed: '2026-11-29',
};

/** `good` with one value set at a dotted path ("aliases.1.lang"); undefined removes the key. */
function withValue(path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(good) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let at = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

const issuesOf = (raw: unknown) => {
  const r = validateEntity(raw);
  return r.ok ? [] : r.issues;
};

/** [rule, path, valid values, invalid values, the issue's path (default: path), its message]. */
type Rule = [string, string, unknown[], unknown[], string | null, RegExp];
const RULES: Rule[] = [
  ['id: kebab-case', 'id', ['ab', 'g7', 'a-b-c', 'x'.repeat(80)], ['Not Kebab', '../../etc', 'a--b', '-a', 'a_b', 'É-x', 5], null, /kebab-case|must be text/],
  ['id: 2 to 80 characters', 'id', ['ab'], ['a', 'x'.repeat(81)], null, /2 to 80 characters/],
  ['id: required', 'id', [], [undefined], null, /is required/],
  ['type: one of ENTITY_TYPES', 'type', [...ENTITY_TYPES], ['spaceship', 'Person', '', 3, undefined], null, /must be one of person|is required/],
  [
    'kind: optional plain text, at most 40',
    'kind',
    [undefined, 'country', 'x'.repeat(40)],
    ['x'.repeat(41), '', '<i>', 7],
    null,
    /at most 40|not be empty|plain text|must be text/,
  ],
  [
    'name: plain text, at most 100',
    'name',
    ['Ünïcode Name', 'x'.repeat(100), '  padded  '],
    ['', '   ', 'x'.repeat(101), '<script>', 'a > b', 5, null, undefined],
    null,
    /at most 100|not be empty|plain text|must be text|is required/,
  ],
  ['summary: plain text, at most 300', 'summary', ['x'.repeat(300)], ['x'.repeat(301), '<b>bold</b>', ''], null, /at most 300|plain text|not be empty/],
  [
    'aliases: a list of at most 60',
    'aliases',
    [[], Array.from({ length: 60 }, (_, i) => `a${i}`)],
    [Array.from({ length: 61 }, (_, i) => `a${i}`), {}, 'MT', undefined],
    null,
    /at most 60 items|must be a list|is required/,
  ],
  [
    'an alias: plain text, at most 80',
    'aliases.0',
    ['x'.repeat(80)],
    ['x'.repeat(81), '<b>x</b>', '', 5, null, ['x']],
    null,
    /at most 80|plain text|not be empty|a name or an alias object/,
  ],
  ['alias object: text', 'aliases.1.text', ['Term'], ['', '<x>', 'x'.repeat(81), undefined], null, /not be empty|plain text|at most 80|is required/],
  [
    'alias object: BCP 47 lang',
    'aliases.1.lang',
    [undefined, 'fr', 'zh-Hant', 'sr-Latn-RS', 'ast'],
    ['French', 'FR', 'f', 'zh_CN', 'en-x', 1],
    null,
    /BCP 47|must be text/,
  ],
  ['alias object: caseSensitive is a boolean', 'aliases.1.caseSensitive', [undefined, true, false], ['yes', 1, null], null, /true or false/],
  ['alias object: afterFull is a boolean', 'aliases.1.afterFull', [undefined, true, false], ['yes', 0], null, /true or false/],
  ['alias object: titleCase is a boolean', 'aliases.1.titleCase', [undefined, false], ['false'], null, /true or false/],
  [
    'alias object: context is a list of at least one kebab id',
    'aliases.1.context',
    [undefined, ['china'], ['a-b', 'c-d']],
    [[], 'china'],
    null,
    /at least 1 item|must be a list/,
  ],
  ['alias object: context ids are kebab-case', 'aliases.1.context', [], [['China']], 'aliases.1.context.0', /kebab-case/],
  [
    'alias object: from is an ISO date',
    'aliases.1.from',
    [undefined, '2020', '2020-01', '2020-12-31'],
    ['2020-13', '2020-00', '2020-01-32', 'March 2021', '20', 2020],
    null,
    /ISO date|must be text/,
  ],
  ['alias object: to is an ISO date', 'aliases.1.to', [undefined, '2021', '2021-06-30'], ['2021-6', 'yesterday'], null, /ISO date/],
  [
    'alias object: from not after to (widened to days)',
    'aliases.1.to',
    ['2020', '2020-12', '2020-01-01'],
    ['2019', '2019-12-31'],
    null,
    /`from` must not be after `to`/,
  ],
  ['alias object: strict', 'aliases.1.foo', [undefined], [1], 'aliases.1', /^Unrecognized key: "foo"$/],
  [
    'facts: a list of at most 16',
    'facts',
    [[], Array.from({ length: 16 }, (_, i) => ({ label: `L${i}`, value: 'v' }))],
    [Array.from({ length: 17 }, (_, i) => ({ label: `L${i}`, value: 'v' })), {}, undefined],
    null,
    /at most 16 items|must be a list|is required/,
  ],
  ['a fact is an object', 'facts.0', [{ label: 'a', value: 'b' }], ['Founded: 2007', null, []], null, /must be an object/],
  [
    'fact: label plain text, at most 40',
    'facts.0.label',
    ['x'.repeat(40)],
    ['x'.repeat(41), '', '<b>', undefined],
    null,
    /at most 40|not be empty|plain text|is required/,
  ],
  [
    'fact: value plain text, at most 160',
    'facts.0.value',
    ['x'.repeat(160)],
    ['x'.repeat(161), '<iframe>', undefined],
    null,
    /at most 160|plain text|is required/,
  ],
  ['fact: from is an ISO date', 'facts.0.from', [undefined, '1999'], ['1999-1'], null, /ISO date/],
  ['fact: asOf is an ISO date', 'facts.0.asOf', [undefined, '2026-11'], ['now'], null, /ISO date/],
  ['fact: strict', 'facts.0.source', [undefined], ['x'], 'facts.0', /^Unrecognized key: "source"$/],
  [
    'related: at most 20 kebab ids',
    'related',
    [undefined, [], Array.from({ length: 20 }, (_, i) => `a${i}`)],
    [Array.from({ length: 21 }, (_, i) => `a${i}`), 'china'],
    null,
    /at most 20 items|must be a list/,
  ],
  ['related ids are kebab-case', 'related', [], [['Not Kebab']], 'related.0', /kebab-case/],
  [
    'members: 1 to 250 kebab ids',
    'members',
    [undefined, ['a1'], Array.from({ length: 250 }, (_, i) => `a${i}`)],
    [[], Array.from({ length: 251 }, (_, i) => `a${i}`)],
    null,
    /at least 1 item|at most 250 items/,
  ],
  ['country: ISO 3166-1 alpha-2', 'country', [undefined, 'CN', 'US'], ['usa', 'cn', 'C', 'USA', 1], null, /ISO 3166-1|must be text/],
  ['links: required object', 'links', [{}], [undefined, [], 'https://x.org', null], null, /is required|must be an object/],
  [
    'links: wikipedia',
    'links.wikipedia',
    [undefined, 'https://fr.wikipedia.org/wiki/Quad', 'https://zh-yue.wikipedia.org/wiki/X'],
    ['http://en.wikipedia.org/wiki/X', 'https://example.com/wiki/X', 'https://en.wikipedia.org/wiki/', 'https://en.wikipedia.org/wiki/A B'],
    null,
    /wikipedia\.org\/wiki/,
  ],
  [
    'links: official',
    'links.official',
    [undefined, 'https://example.org'],
    ['http://example.com', 'javascript:alert(1)', 'https://', 'https://a b'],
    null,
    /https:\/\/ link/,
  ],
  ['links: strict', 'links.other', [undefined], ['https://x.org'], 'links', /^Unrecognized key: "other"$/],
  ['reviewed: ISO date', 'reviewed', ['2026', '2026-11', '2026-11-29'], ['2026-13-01', 'yesterday', undefined], null, /ISO date|is required/],
  ['entity: strict', 'onerror', [undefined], ['alert(1)'], '', /^Unrecognized key: "onerror"$/],
];

describe('validateEntity: each rule accepts a valid value and refuses an invalid one at its path', () => {
  test('the valid entity passes', () => {
    expect(issuesOf(good)).toEqual([]);
  });
  for (const [rule, path, valid, invalid, where, message] of RULES) {
    test(rule, () => {
      for (const v of valid) expect(issuesOf(withValue(path, v)), `${path} = ${JSON.stringify(v)}`).toEqual([]);
      for (const v of invalid) {
        const issues = issuesOf(withValue(path, v));
        expect(issues.length, `${path} = ${JSON.stringify(v)}`).toBeGreaterThan(0);
        expect(
          issues.every((i) => i.path === (where ?? path) && message.test(i.message)),
          `${path} = ${JSON.stringify(v)}: ${JSON.stringify(issues)}`,
        ).toBe(true);
      }
    });
  }

  test('a value that is not an entity is refused at the root', () => {
    for (const v of [null, undefined, 'x', 42, [], [good], true])
      expect(issuesOf(v)).toEqual([{ path: '', message: expect.stringMatching(/must be an object|is required/) }]);
  });

  test('every problem is listed, in field order, unknown keys last', () => {
    const raw = { ...good, onerror: 1, later: 2, name: '', aliases: ['<b>', 5], facts: [{ label: 'x', value: 'y', from: '2021', to: '2020' }] };
    expect(issuesOf(raw)).toEqual([
      { path: 'name', message: 'must not be empty' },
      { path: 'aliases.0', message: 'must be plain text (no < or >)' },
      { path: 'aliases.1', message: 'must be a name or an alias object' },
      { path: 'facts.0.to', message: '`from` must not be after `to`' },
      { path: '', message: 'Unrecognized keys: "onerror", "later"' },
    ]);
  });

  test("a fact's dates are compared as written; an alias's are widened to days", () => {
    expect(issuesOf(withValue('aliases.1', { text: 'Term', from: '2026-03-15', to: '2026-03' }))).toEqual([]);
    expect(issuesOf(withValue('facts.0', { label: 'Term', value: 'x', from: '2026-03-15', to: '2026-03' }))).toEqual([
      { path: 'facts.0.to', message: '`from` must not be after `to`' },
    ]);
  });

  test('a valid entity comes back as a new object: trimmed, keys in declared order, nothing shared', () => {
    const raw = {
      reviewed: '2026-11-29',
      links: {},
      facts: [{ value: ' 2007 ', label: ' Founded ' }],
      summary: ' A term. ',
      aliases: [' MT ', { to: '2021', text: ' Term ' }],
      name: ' My Term ',
      kind: ' idea ',
      type: 'concept',
      id: 'my-term',
    };
    const r = validateEntity(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.stringify(r.entity)).toBe(
      '{"id":"my-term","type":"concept","kind":"idea","name":"My Term","aliases":["MT",{"text":"Term","to":"2021"}],"summary":"A term.","facts":[{"label":"Founded","value":"2007"}],"links":{},"reviewed":"2026-11-29"}',
    );
    expect(r.entity.links).not.toBe(raw.links);
    expect(r.entity.facts[0]).not.toBe(raw.facts[0]);
  });

  test('a __proto__ key is refused and pollutes nothing', () => {
    const raw = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(good).slice(1)}`) as unknown;
    expect(issuesOf(raw)).toEqual([{ path: '', message: 'Unrecognized key: "__proto__"' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('isIsoDate: year, month or day precision', () => {
    expect(['2012', '2012-11', '2012-11-15'].every(isIsoDate)).toBe(true);
    expect(['12', '2012-1', '2012-11-5', '2012-11-15T00:00', 2012, null].some(isIsoDate)).toBe(false);
  });
});

describe('the bundled dataset', () => {
  test('every entity passes the validator, unchanged (the same values; key order is the declared one)', () => {
    const raws = loadDataFiles('data').flatMap((f) => (Array.isArray(f.data) ? (f.data as unknown[]) : []));
    expect(raws.length).toBeGreaterThan(10_000);
    const failed = raws.flatMap((raw) => {
      const r = validateEntity(raw);
      return r.ok ? (isDeepStrictEqual(r.entity, raw) ? [] : [`${(raw as Entity).id}: changed`]) : [`${(raw as Entity).id}: ${JSON.stringify(r.issues)}`];
    });
    expect(failed).toEqual([]);
  });
});

describe("the audit, the options page's import and the content script's catalogue refuse the same entries", () => {
  const BAD: Array<[string, unknown]> = [
    ['not an object', 'my-term'],
    ['null', null],
    ['a bad id', { ...good, id: '../../etc' }],
    ['an unknown type', { ...good, type: 'spaceship' }],
    ['HTML in the name', { ...good, name: '<img src=x onerror=alert(1)>' }],
    ['an empty name', { ...good, name: '  ' }],
    ['a long summary', { ...good, summary: 'x'.repeat(301) }],
    ['an alias that is a number', { ...good, aliases: [5] }],
    ['HTML in an alias object', { ...good, aliases: [{ text: '<b>' }] }],
    ['an alias period out of order', { ...good, aliases: [{ text: 'Term', from: '2021', to: '2020' }] }],
    ['61 aliases', { ...good, aliases: Array.from({ length: 61 }, (_, i) => `a${i}`) }],
    ['facts not a list', { ...good, facts: {} }],
    ['17 facts', { ...good, facts: Array.from({ length: 17 }, (_, i) => ({ label: `L${i}`, value: 'v' })) }],
    ['a javascript: link', { ...good, links: { official: 'javascript:alert(1)' } }],
    ['no links', { ...good, links: undefined }],
    ['a bad reviewed date', { ...good, reviewed: 'yesterday' }],
    ['an extra field', { ...good, onerror: 'alert(1)' }],
    ['a bad country', { ...good, country: 'usa' }],
  ];
  const other = { ...good, id: 'other-term', name: 'Other Term', aliases: [] };

  for (const [name, bad] of BAD) {
    test(name, async () => {
      expect(validateEntity(bad).ok).toBe(false);
      // The build's audit.
      const audit = auditDataset([{ path: 'x.json', data: [bad] }]);
      expect(audit.entities).toEqual([]);
      expect(audit.problems.length).toBeGreaterThan(0);
      // The options page: the import is refused as a whole, and a stored copy is dropped on reading.
      expect(parseGlossaryImport(JSON.stringify([other, bad])).ok).toBe(false);
      expect(readGlossary([other, bad]).map((e) => e.id)).toEqual(['other-term']);
      // The content script: the damaged entry is dropped, the rest of the glossary is kept.
      const catalogue = await loadCatalogue(compileIndexPayload(compileIndex([])), [other, bad]);
      expect(catalogue.localCard('custom:other-term')).toBeDefined();
      expect(catalogue.localCard('custom:my-term')).toBeUndefined();
    });
  }

  test('and accept the same valid entry, trimmed alike', async () => {
    const padded = { ...good, name: '  My Term  ' };
    expect(parseGlossaryImport(JSON.stringify([padded]))).toEqual({ ok: true, entries: [good] });
    expect(readGlossary([padded])).toEqual([good]);
    expect(auditDataset([{ path: 'x.json', data: [padded] }]).entities).toEqual([{ ...good, source: 'x.json' }]);
    const catalogue = await loadCatalogue(compileIndexPayload(compileIndex([])), [padded]);
    expect(catalogue.localCard('custom:my-term')?.entity.name).toBe('My Term');
  });
});
