/**
 * Build time: a surname alias (`afterFull`, case-sensitive) for every person whose card has none,
 * so "Lyndon B. Johnson … Johnson" and "President Johnson" find him (a title before a surname names
 * the person: utils/match/select.ts). The compiler flags every person's surname alias (FLAG_SURNAME).
 */
import type { Entity } from '../../utils/dataset/validate';
import { aliasObject, isSurnameAlias, matchAliases, nameWords, surnameOf, type AliasOptions } from '../../utils/dataset/aliases';
import { foldAlias } from '../../utils/text/normalize';
import { isCapitalisedClash, isCommonWord } from './rules';

/**
 * Countries whose names the press writes family name first ("Li Qiang", "Lee Jae-myung", "Hun Manet") or
 * that use no family names ("Abiy Ahmed", "Min Aung Hlaing"): the last word is no surname there.
 */
const NO_LAST_SURNAME = new Set(['CN', 'TW', 'HK', 'MO', 'KR', 'KP', 'VN', 'KH', 'SG', 'MM', 'ID', 'ET', 'ER', 'MN', 'IS']);

/** People known by a stage, regnal or religious name ("Iggy Pop", "Juan Carlos I", "Pope Francis"): no surname to add. */
const NO_SURNAME_KIND = /\b(?:singer|musician|rapper|band|record producer|monarch|royal|religious)\b/i;
/** A title or style as the first word of the name ("King Hussein", "Mother Teresa", "Mullah Omar"). */
const STYLE = new Set([
  'Pope',
  'King',
  'Queen',
  'Prince',
  'Princess',
  'Sheikh',
  'Emir',
  'Sultan',
  'Mother',
  'Mullah',
  'Lord',
  'Lady',
  'Sir',
  'Dame',
  'Metropolitan',
  'Patriarch',
  'Dalai',
  'Ayatollah',
  'Saint',
  'St.',
]);

type Person = Pick<Entity, 'id' | 'type' | 'name' | 'aliases'> & Partial<Pick<Entity, 'country' | 'kind'>>;

/** The surname alias the build adds to a person, or null when the card has one, or none can be told. */
export function missingSurname(e: Person, opts: AliasOptions = {}): string | null {
  if (e.type !== 'person' || (e.country && NO_LAST_SURNAME.has(e.country)) || NO_SURNAME_KIND.test(e.kind ?? '')) return null;
  // Styles and epithets are no surnames: "Abdullah II of Jordan", "Peter the Great", "Carl XVI Gustaf", "King Hussein".
  const words = e.name.split(/[\s,]+/);
  if (STYLE.has(words[0]) || words.some((w) => w === 'of' || w === 'the' || /^[IVXL]+$/.test(w))) return null;
  const surname = surnameOf(e.name);
  if (!surname || surname.replace(/[^\p{L}]/gu, '').length < 2) return null;
  // A surname that is something else when capitalised ("Pope", "King", "Bush") or a short word that starts
  // sentences ("Oh", "Son", "Bar") is left to the data, which can add it with its own rules.
  if (isCapitalisedClash(surname) || isCommonWord(surname) || (surname.length <= 3 && opts.isWord?.(surname.toLowerCase()))) return null;
  // The card already has a short form of its own ("Xi", "Rutte", "Lula").
  if (matchAliases(e, opts).some((a) => isSurnameAlias(a.text, e.name) || (a.text.split(/\s+/).length === 1 && nameWords(e.name).includes(a.text))))
    return null;
  return surname;
}

/**
 * Every person with a surname alias where the card has none. Skipped when another entity already has an alias
 * with the same folded text that is not a person's surname: "Thomas Jordan" gets no "Jordan" beside the country.
 */
export function withSurnames<T extends Person>(entities: readonly T[], opts: AliasOptions = {}): T[] {
  const proposed = new Map<number, string>();
  for (const [i, e] of entities.entries()) {
    const s = missingSurname(e, opts);
    if (s) proposed.set(i, s);
  }
  // Folded texts claimed by aliases that are not a person's surname.
  const taken = new Set<string>();
  const wanted = new Set([...proposed.values()].map(foldAlias));
  for (const e of entities) {
    for (const a of matchAliases(e, opts)) {
      const key = foldAlias(a.text);
      if (wanted.has(key) && !(e.type === 'person' && !a.context && isSurnameAlias(a.text, e.name))) taken.add(key);
    }
  }
  return entities.map((e, i) => {
    const s = proposed.get(i);
    if (!s || taken.has(foldAlias(s))) return e;
    return { ...e, aliases: [...e.aliases.map(aliasObject), { text: s, afterFull: true, caseSensitive: true }] };
  });
}
