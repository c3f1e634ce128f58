/**
 * Text in capitals: a two-letter acronym that is also an English word ("US", "IT", "IS") among words in
 * capitals ("CONTACT US", "IT IS TIME") is not marked, unless its entity is marked elsewhere on the page.
 */
import { describe, expect, test } from 'vitest';
import { compileIndex } from '../../utils/dataset/compile';
import type { Entity } from '../../utils/dataset/validate';
import { inCapitals, isCapsWord } from '../../utils/match/caps';
import { Matcher } from '../../utils/match/matcher';
import { hasContextCandidates, newRuleState, selectMentions } from '../../utils/match/select';
import { FLAG_CAPS_WORD } from '../../utils/match/term-index';
import { PageScan } from '../../utils/scan/page-scan';

type Mini = Pick<Entity, 'id' | 'type' | 'name' | 'aliases'>;
const WORLD: Mini[] = [
  { id: 'united-states', type: 'place', name: 'United States', aliases: ['US'] },
  { id: 'italy', type: 'place', name: 'Italy', aliases: [{ text: 'IT', caseSensitive: true }] },
  { id: 'nato', type: 'organization', name: 'NATO', aliases: [] },
];
const at = (text: string, word: string) => inCapitals(text, text.indexOf(word), text.indexOf(word) + word.length);

describe('words in capitals', () => {
  test('two-letter acronyms that are English words', () => {
    expect(['US', 'IT', 'IS', 'NO', 'ME', 'OR', 'IN', 'AT', 'UN', 'EU', 'UK', 'Us', 'USA'].map(isCapsWord)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    const index = compileIndex(WORLD);
    expect(index.aliases.filter((a) => a.flags & FLAG_CAPS_WORD).map((a) => a.text)).toEqual(['US', 'IT']);
  });

  test('a span among capitals: a neighbour in capitals and none in lower case', () => {
    expect(at('CONTACT US', 'US')).toBe(true);
    expect(at('IT IS TIME', 'IT')).toBe(true);
    expect(at('WASHINGTON — THE US SAID', 'US')).toBe(true);
    expect(at('BREAKING: US-CHINA TALKS', 'US')).toBe(true);
    expect(at('the US said', 'US')).toBe(false);
    expect(at('US officials said', 'US')).toBe(false);
    expect(at('NATO and US troops', 'US')).toBe(false);
    expect(at('US', 'US')).toBe(false); // alone: no neighbour at all
    expect(at('In 2025, US', 'US')).toBe(false);
  });
});

describe('selection among capitals', () => {
  const index = compileIndex(WORLD);
  const m = new Matcher(index);
  const run = (blocks: string[]) => {
    const state = newRuleState('2026-12-07');
    const first = blocks.map((t) => selectMentions(m.rules, m.find(t), state, t));
    // The page scan's second look, with what the whole page marked.
    const again = blocks.map((t, i) => (hasContextCandidates(m.rules, m.find(t), t) ? selectMentions(m.rules, m.find(t), state, t) : first[i]));
    return again.map((ms, i) => ms.map((x) => blocks[i].slice(x.start, x.end)));
  };

  test('not marked in a menu or a headline in capitals; marked in running text; longer acronyms unaffected', () => {
    expect(run(['CONTACT US', 'IT IS TIME FOR NATO TO ACT'])).toEqual([[], ['NATO']]);
    expect(run(['The US and IT firms'])).toEqual([['US', 'IT']]);
  });

  test('marked among capitals too when its entity is marked elsewhere on the page, before or after', () => {
    expect(run(['US STRIKES BACK', 'The US said on Monday.'])).toEqual([['US'], ['US']]);
    expect(run(['United States officials met.', 'CONTACT US'])).toEqual([['United States'], ['US']]);
  });

  test('the page scan defers such blocks for its second look', async () => {
    document.body.innerHTML = '<h1>US STRIKES BACK</h1><p>The US said so.</p><footer>CONTACT US</footer>';
    const scan = new PageScan(m);
    await scan.scan(document.body, { yielder: () => Promise.resolve() });
    expect(scan.ordered().map((r) => r.text)).toEqual(['US', 'US', 'US']);
    document.body.innerHTML = '<h1>US STRIKES BACK</h1><p>Nothing else.</p>';
    const other = new PageScan(m);
    await other.scan(document.body, { yielder: () => Promise.resolve() });
    expect(other.ordered().map((r) => r.text)).toEqual([]);
  });
});
