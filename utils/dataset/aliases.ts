/**
 * The aliases an entity is matched by, and how each is matched (case, title-case forms).
 * Runtime code: the build compiles the dataset with it, and a page compiles the reader's
 * glossary with it. The editorial rules (common words, clashes) are build-only, in scripts/dataset/.
 */
import type { Alias, AliasObject, Entity } from './validate';
import { foldAlias } from '../text/normalize';

export function aliasObject(alias: Alias): AliasObject {
  return typeof alias === 'string' ? { text: alias } : alias;
}

/** An alias written in capitals only ("AP", "NATO", "G7") is an acronym. */
export function looksLikeAcronym(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text) && text.replace(/[^\p{L}\p{N}]/gu, '').length <= 8;
}

/**
 * Whether an alias is matched case-sensitively. Acronyms are, unless the
 * data says otherwise explicitly, so "AP" never marks "ap" and "US" never "us".
 */
export function isCaseSensitive(alias: AliasObject): boolean {
  return alias.caseSensitive ?? looksLikeAcronym(alias.text);
}

export type AliasOptions = {
  /**
   * Whether a lower-case string is a word (or a name) in running text. Given (at build time, from a word
   * list and the editorial clash lists), every acronym of four or more characters also matches in the
   * title case British papers and wire copy use ("Nato", "Brics", "Opec+", "Unicef", "Cop30"), unless
   * that form is a word ("Swift", "Nice") or the alias says `titleCase: false`. Not given (the glossary
   * at run time): no such forms.
   */
  isWord?: (lower: string) => boolean;
};

/** Every alias an entity is matched by: its name first, then its aliases. An alias that repeats the name overrides the name's (absent) rules. */
export function matchAliases(entity: Pick<Entity, 'name' | 'aliases'>, opts: AliasOptions = {}): AliasObject[] {
  const list = entity.aliases.map(aliasObject);
  const nameKey = foldAlias(entity.name);
  // The name is replaced by an alias with the very same text (which carries rules for it), or by one that
  // already matches it in any case. "MERCOSUR" (an acronym, so case-sensitive) does not cover "Mercosur".
  const covered = list.some((a) => a.text === entity.name || (foldAlias(a.text) === nameKey && !isCaseSensitive(a)));
  const all = covered ? list : [{ text: entity.name }, ...list];
  if (!opts.isWord) return all;
  const texts = new Set(all.map((a) => a.text));
  const extra: AliasObject[] = [];
  for (const a of all) {
    const form = a.titleCase === false || !isCaseSensitive(a) ? null : titleCaseForm(a.text, opts.isWord);
    if (form && !texts.has(form)) {
      texts.add(form);
      const { titleCase: _skip, ...rest } = a;
      extra.push({ ...rest, text: form, caseSensitive: true });
    }
  }
  return [...all, ...extra];
}

/**
 * The newsroom title-case form of an acronym of four or more characters ("NATO" → "Nato",
 * "OPEC+" → "Opec+", "COP30" → "Cop30"), or null when there is none or `isWord` says it is a word.
 */
export function titleCaseForm(text: string, isWord: (lower: string) => boolean): string | null {
  // Latin acronyms only: the house style is the English-language press's.
  if (!/^[A-Z][A-Z0-9]{3,}\+?$/.test(text) || (text.match(/[A-Z]/g) ?? []).length < 3) return null;
  const form = text[0] + text.slice(1).toLowerCase();
  return isWord(form.toLowerCase().replace(/\+$/, '')) ? null : form;
}

/** Lower-case words that belong to the surname after them ("von der Leyen", "da Silva", "bin Salman"). */
const PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'da',
  'di',
  'du',
  'del',
  'della',
  'dos',
  'das',
  'do',
  'la',
  'le',
  'al',
  'Al',
  'bin',
  'ibn',
  'ben',
  'ter',
  'zu',
  'af',
  'av',
  "d'",
]);
/** Words after a surname that are not part of it ("Jr.", "III"). */
const SUFFIX = /^(?:Jr\.?|Sr\.?|[IVX]+|\d+(?:st|nd|rd|th))$/;

/** The words of a person's name without a parenthesis or a suffix: "Martin Luther King Jr." → Martin, Luther, King. */
export function nameWords(name: string): string[] {
  const words = name
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && SUFFIX.test(words[words.length - 1])) words.pop();
  return words;
}

/**
 * The surname of a name written given name first: its last word with the particles before it
 * ("Ursula von der Leyen" → "von der Leyen", "Mark Rutte" → "Rutte"), or null for a name of one word
 * ("Charles III") or not in Latin letters.
 */
export function surnameOf(name: string): string | null {
  const words = nameWords(name);
  if (words.length < 2 || !/^\p{Script=Latin}/u.test(words[words.length - 1])) return null;
  let first = words.length - 1;
  while (first > 1 && PARTICLES.has(words[first - 1])) first--;
  const surname = words.slice(first).join(' ');
  return /\p{Lu}/u.test(surname) ? surname : null;
}

/**
 * Whether an alias is a surname of the person `name`: words at the end of the name ("Rutte",
 * "von der Leyen") or at its start, where the family name comes first ("Xi" of "Xi Jinping").
 * A title before it ("Mr Rutte", "President Xi") names the person as the full name would.
 */
export function isSurnameAlias(text: string, name: string): boolean {
  const words = nameWords(name);
  const alias = text.split(/\s+/);
  if (alias.length >= words.length) return false;
  const head = words.slice(0, alias.length).join(' ');
  const tail = words.slice(words.length - alias.length).join(' ');
  return text === tail || text === head;
}
