/**
 * The article scope's class/id word lists are tested by tokens (utils/dom/article-measure.ts, words()); they must answer
 * exactly as the regex they replaced: (?:^|[^a-z])(?:alternatives)(?![a-z]), the lookahead left out for prefix lists.
 */
import { describe, expect, test } from 'vitest';
import { COMMENTS, CONSENT, FURNITURE, POSITIVE, STANDFIRST, STRONG, words, type WordList } from '../../utils/dom/article-measure';

/** The regex lists the token lists replaced (utils/dom/article-measure.ts before 2026-12-07): the reference. */
const REFERENCE: Record<string, [WordList, string, boolean]> = {
  FURNITURE: [
    FURNITURE,
    `nav navbar navigation menu breadcrumbs? masthead footer sidebar rail related recommended promos?
  share sharing social newsletters? signup cookies? consent gdpr cmp ads? advert\\w* adslot leaderboard mpu banner sponsored
  subscribe subscription paywall most-?read most-?popular popular trending outbrain taboola tags toolbar widgets? plus-lus
  mas-leidas? meistgelesen publicite publicidad werbung anzeige comments? disqus replies commentaires comentarios kommentare`,
    false,
  ],
  COMMENTS: [COMMENTS, 'comments? disqus replies commentaires comentarios kommentare', false],
  CONSENT: [CONSENT, 'cookies? consent gdpr cmp', false],
  POSITIVE: [
    POSITIVE,
    `article story body content post entry text main hentry prose blog contenu texte cuerpo noticia articulo
  artikel inhalt beitrag`,
    true,
  ],
  STRONG: [STRONG, 'article body content main story contenu cuerpo artikel inhalt', true],
  STANDFIRST: [
    STANDFIRST,
    `standfirst dek deck sub-?head\\w* subtitle summary lede lead intro excerpt description kicker chapo chapeau
  entradilla sumario vorspann teaser`,
    true,
  ],
};
const regexOf = (list: string, prefix: boolean) => new RegExp(`(?:^|[^a-z])(?:${list.trim().split(/\s+/).join('|')})${prefix ? '' : '(?![a-z])'}`);

/** Strings made of the lists' own pieces, near misses and separators, as class and id words look after describe(). */
function samples(seed: number, n: number): string[] {
  const pieces = [
    // Each entry twice: with its optional parts taken ("advertx", "cookies", "mostread"), and left out ("advert", "most-read").
    ...Object.values(REFERENCE).flatMap(([, list]) =>
      list
        .trim()
        .split(/\s+/)
        .flatMap((e) => [
          e
            .replace(/\\w\*$/, 'x')
            .replace(/s\?$/, 's')
            .replace('-?', ''),
          e
            .replace(/\\w\*$/, '')
            .replace(/s\?$/, '')
            .replace('-?', '-'),
        ]),
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
  test.each(Object.entries(REFERENCE))('%s', (_, [w, list, prefix]) => {
    const re = regexOf(list, prefix);
    for (const text of [...cases, ...samples(20261207, 4000)]) expect([text, w.test(text)]).toEqual([text, re.test(text)]);
  });

  test('a list of its own', () => {
    const w = words({ exact: 'foobar qux', starts: 'baz', pairs: 'foo-bar' });
    expect(['foobar', 'foo-bar', 'foo bar', 'bazooka', 'x-qux', 'quxx'].map((t) => w.test(t))).toEqual([true, true, false, true, true, false]);
  });
});
