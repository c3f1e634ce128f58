/**
 * The article scope's class/id word lists are tested by tokens (utils/dom/article-measure.ts, words()); they must answer
 * exactly as the regex they replaced: (?:^|[^a-z])(?:alternatives)(?![a-z]), the lookahead left out for prefix lists.
 */
import { describe, expect, test } from 'vitest';
import { COMMENTS, CONSENT, FURNITURE, POSITIVE, STANDFIRST, STRONG, words, type WordList } from '../../utils/dom/article-measure';

const regexOf = (w: WordList) => new RegExp(`(?:^|[^a-z])(?:${w.list.trim().split(/\s+/).join('|')})${w.prefix ? '' : '(?![a-z])'}`);
const lists = { FURNITURE, COMMENTS, CONSENT, POSITIVE, STRONG, STANDFIRST };

/** Strings made of the lists' own pieces, near misses and separators, as class and id words look after describe(). */
function samples(seed: number, n: number): string[] {
  const pieces = [
    ...Object.values(lists).flatMap((w) =>
      w.list
        .trim()
        .split(/\s+/)
        .map((e) =>
          e
            .replace(/\\w\*$/, 'x')
            .replace(/s\?$/, 's')
            .replace('-?', ''),
        ),
    ),
    ...Object.values(lists).flatMap((w) =>
      w.list
        .trim()
        .split(/\s+/)
        .map((e) =>
          e
            .replace(/\\w\*$/, '')
            .replace(/s\?$/, '')
            .replace('-?', '-'),
        ),
    ),
    'most',
    'read',
    'popular',
    'sub',
    'head',
    'heading',
    'adverts2',
    'ad2',
    'bad',
    'loads',
    'header',
    'mainstream',
    'x',
    'é',
    '9',
    '_',
  ];
  const seps = ['', '-', ' ', '_', '--', '2', 'é', '-s', 's'];
  let s = seed;
  const rnd = (k: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % k;
  };
  return Array.from({ length: n }, () => {
    const parts = Array.from({ length: 1 + rnd(4) }, () => pieces[rnd(pieces.length)]);
    return parts.reduce((acc, p) => acc + seps[rnd(seps.length)] + p, '');
  });
}

describe('word lists answer as their regex', () => {
  const cases = [
    'site-header',
    'story-body',
    'most-read',
    'mostread',
    'most_read',
    'most-reading',
    'related-stories',
    'advertisement',
    'adverts2',
    'ad-slot',
    'headline',
    'sub-heading',
    'subhead',
    'mas-leidas',
    'plus-lus',
    'plus_lus',
    'comments-section',
    'cookies',
    'paywall-content',
    'article-body',
    'lead',
    'leader',
    '',
  ];
  test.each(Object.entries(lists))('%s', (_, w) => {
    const re = regexOf(w);
    for (const text of [...cases, ...samples(20261207, 4000)]) expect([text, w.test(text)]).toEqual([text, re.test(text)]);
  });

  test('a list of its own', () => {
    const w = words('foo-?bar baz\\w* qux', false);
    expect(['foobar', 'foo-bar', 'foo bar', 'bazooka', 'x-qux', 'quxx'].map((t) => w.test(t))).toEqual([true, true, false, true, true, false]);
  });
});
