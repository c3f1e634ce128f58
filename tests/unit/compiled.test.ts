import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { compileDataset } from '../../scripts/compile-dataset';
import { compileIndexPayload, compileTables } from '../../utils/match/compiled';
import { decodeTables, encodeTables, fromBase64, toBase64 } from '../../utils/match/index-file';
import { Matcher } from '../../utils/match/matcher';
import { newRuleState, selectMentions } from '../../utils/match/select';
import { mergeIndexes, unpackIndex } from '../../utils/match/term-index';
import { compileIndex } from '../../utils/dataset/compile';
import { COMBINING_KIND, describeCode, NO_SPACE_KIND, useCodeTables, WORD_KIND } from '../../utils/text/normalize';

/** Text of the fixture articles, tags stripped: real names, real punctuation. */
const ARTICLES = readdirSync('tests/fixtures/articles')
  .filter((f) => f.endsWith('.html'))
  .map((f) => readFileSync(`tests/fixtures/articles/${f}`, 'utf8').replace(/<[^>]+>/g, ' '));

describe('the compiled index (built at build time, decoded in the page)', () => {
  const dataset = compileDataset('data');
  const index = unpackIndex(dataset.index);

  test('survives the message: JSON round trip, base64, decoded views', async () => {
    const sent = JSON.parse(JSON.stringify(dataset.compiled));
    const fromPayload = await Matcher.create(sent);
    const here = new Matcher(index);
    for (const text of ARTICLES) expect(fromPayload.find(text)).toEqual(here.find(text));
    // The index it carries is the index it was compiled from.
    expect(fromPayload.index).toEqual(index);
    expect(fromPayload.entityCount).toBe(index.entities.length);
  });

  test('one entity at a time, as the compiled index holds it, without making them all', async () => {
    const m = await Matcher.create(JSON.parse(JSON.stringify(dataset.compiled)));
    for (const i of [0, 1, 777, index.entities.length - 1]) {
      expect(m.entityType(i)).toBe(index.entities[i].type);
      expect(m.entity(i)).toEqual(index.entities[i]);
      expect(m.entity(i)).toBe(m.entity(i));
    }
    // The whole list was never built: a page pays only for the entities it found.
    expect(m['materialised']).toBeUndefined();
    expect(() => m.entity(index.entities.length)).toThrow(RangeError);
  });

  test('the rules read from flat tables select exactly what the index selects', async () => {
    const m = await Matcher.create(dataset.compiled);
    for (const text of ARTICLES) {
      const c = m.find(text);
      expect(selectMentions(m.rules, c, newRuleState())).toEqual(selectMentions(index, c, newRuleState()));
    }
  });

  test('a glossary walked beside the dataset finds what one merged index finds', async () => {
    const extra = compileIndex([
      { id: 'custom-putin', type: 'person', name: 'Putin', aliases: ['Vladimir Vladimirovich'] },
      { id: 'custom-acme', type: 'organization', name: 'Acme Widgets', aliases: [{ text: 'AW', caseSensitive: true }] },
    ]);
    const combined = await Matcher.create(dataset.compiled, extra);
    const merged = new Matcher(mergeIndexes(index, extra));
    for (const text of [...ARTICLES, 'Putin met Acme Widgets and AW, not aw, Vladimir Vladimirovich Putin.']) {
      expect(combined.find(text)).toEqual(merged.find(text));
    }
    expect(combined.index).toEqual(mergeIndexes(index, extra));
  });

  test('tables encode and decode losslessly', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 }), (names) => {
        const idx = compileIndex(names.map((n, i) => ({ id: `e${i}`, type: 'person' as const, name: n, aliases: [] })));
        const t = compileTables(idx);
        const back = decodeTables(fromBase64(toBase64(encodeTables(t))));
        for (const k of Object.keys(t) as Array<keyof typeof t>) expect(Array.from(back[k])).toEqual(Array.from(t[k]));
      }),
      { numRuns: 200 },
    );
    expect(compileIndexPayload(index, { codeTables: true }).bin).toBe(dataset.compiled.bin);
  });

  test('its code tables give every code unit the fold and classes the lazy path gives', () => {
    const t = decodeTables(fromBase64(dataset.compiled.bin as string));
    expect(t.fold.length).toBe(65536);
    expect(t.kind.length).toBe(65536);
    const wrong: number[] = [];
    for (let c = 0; c < 65536; c++) if (describeCode(c) !== ((t.kind[c] << 16) | t.fold[c])) wrong.push(c);
    expect(wrong).toEqual([]);
    // Spot checks of what the classes mean.
    expect([t.fold[0xe9], t.fold[0x2019], t.fold[0x200b], t.fold[0x301]]).toEqual([0x65, 0x27, 0, 0]); // é ’ ZWSP, combining acute
    expect(t.kind[0x4e2d] & (WORD_KIND | NO_SPACE_KIND)).toBe(WORD_KIND | NO_SPACE_KIND); // 中
    expect(t.kind[0x301] & COMBINING_KIND).toBe(COMBINING_KIND);
    expect(t.kind[0x2019] & WORD_KIND).toBe(0);
    // A glossary's tables carry none; tables of the wrong size are refused.
    expect(compileTables(compileIndex([])).fold.length).toBe(0);
    expect(() => useCodeTables(new Uint16Array(10), new Uint8Array(10))).toThrow(/65,536/);
  });
});

describe('the packaged index file', () => {
  test('its bytes give back the compiled index, and a file of another version is refused', async () => {
    const { decodeIndexFile, encodeIndexFile, toBase64 } = await import('../../utils/match/index-file');
    const dataset = compileDataset('data');
    const file = encodeIndexFile(dataset.compiled);
    const got = decodeIndexFile(file.slice().buffer);
    // The strings stay UTF-8 bytes, decoded one at a time as a page needs them.
    expect(got.strings).toBeInstanceOf(Uint8Array);
    expect({ ...got, strings: new TextDecoder().decode(got.strings as Uint8Array), bin: toBase64(got.bin as Uint8Array) }).toEqual(dataset.compiled);
    const m = await Matcher.create(got);
    const index = unpackIndex(dataset.index);
    for (const i of [0, 5, index.entities.length - 1]) expect(m.entity(i)).toEqual(index.entities[i]);
    expect(m.index.aliases.map((a) => a.text)).toEqual(index.aliases.map((a) => a.text));
    // A stale file (an old build's) fails loudly rather than matching with the wrong layout.
    const stale = encodeIndexFile({ ...dataset.compiled, v: 0 } as unknown as typeof dataset.compiled);
    expect(() => decodeIndexFile(stale.slice().buffer)).toThrow(/index file version 0/);
  });
});
