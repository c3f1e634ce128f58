import { test, expect } from 'vitest';
import fc from 'fast-check';
import { Matcher as Old } from './reference/matcher';
import { Matcher } from '../../utils/match/matcher';
import { compileIndex } from '../../utils/dataset/compile';

const chars = [
  'a',
  'b',
  'A',
  'é',
  'e\u0301',
  '\u0301',
  '\u00AD',
  '\u200B',
  '\u200D',
  ' ',
  '\u00A0',
  '\t',
  '\0',
  '-',
  '’',
  "'",
  '.',
  '习',
  '近',
  'ก',
  '\u0E31',
  '😀',
  '\uD83D',
  'Ж',
  'ж',
  '1',
  '\uFFFF',
  '"',
  'ß',
  'İ',
  'I',
  'i',
];
const aliasChars = ['a', 'b', 'A', 'é', 'ж', '习', '近', 'ก', '1', ' ', '-', "'", 'I', 'İ', '😀'];
/** Hostile text: ignorables, combining marks, NUL, control spaces, surrogates, CJK and Thai, case traps. */
test('the compiled matcher finds exactly what the per-character reference matcher finds', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(
        fc.record({ t: fc.array(fc.constantFrom(...aliasChars), { minLength: 1, maxLength: 4 }).map((a) => a.join('').trim()), cs: fc.boolean() }),
        { minLength: 1, maxLength: 8, selector: (r) => r.t },
      ),
      fc.array(fc.constantFrom(...chars), { maxLength: 40 }),
      (aliases, cs) => {
        const ok = aliases.filter((a) => a.t.length > 0);
        if (ok.length === 0) return;
        const index = compileIndex(
          ok.map((a, i) => ({ id: `e${i}`, type: 'person' as const, name: `Name ${i}`, aliases: [{ text: a.t, caseSensitive: a.cs }] })),
        );
        const text = cs.join('');
        expect(new Matcher(index).find(text)).toEqual(new Old(index).find(text));
      },
    ),
    { numRuns: 5000 },
  );
}, 120_000);
