/**
 * Editorial rules for the bundled dataset, beyond the shape the schema checks. Build time only
 * (the audit, the report, the compiler's word list): the runtime never needs them.
 * Texts are compared folded as the matcher folds them (foldAlias), so "Łódź" and "Lodz" are one key.
 */
import type { AliasObject, Fact } from '../../utils/dataset/validate';
import { foldAlias } from '../../utils/text/normalize';
import { isVolatileFact } from '../../utils/dataset/volatile';

export { isVolatileFact };

export function hasDate(fact: Fact): boolean {
  return Boolean(fact.from || fact.to || fact.asOf);
}

/** An alias with a rule that limits where it is marked. */
export function isConditional(alias: AliasObject): boolean {
  return Boolean(alias.afterFull || (alias.context && alias.context.length > 0));
}

/**
 * Everyday English words that are also names. Such an alias must carry a rule
 * (caseSensitive, afterFull or context), or "china" (porcelain) or "us" would be marked.
 * Lower-case; compared after folding.
 */
export const COMMON_WORDS = new Set(
  `a an and are as at be but by do for from go he her his i if in is it me my no not of on or our she so the to up us we you
  turkey chad jordan georgia china guinea niger nice reading bath mobile split sale hope victoria
  chance will mark grace joy faith rose lily iris ivy dawn sky bill bob pat rob sue
  art page bush brown white black green gray grey young king queen prince bishop pope cook baker
  carpenter mason miller smith hunter fisher farmer price cash gold silver iron steel oil gas
  power energy union state states nation nations people party parties congress parliament senate
  house court army navy force forces alliance council assembly league bank fund trust group
  agency service ministry office board committee commission front movement government
  republic kingdom empire federation coalition opposition cabinet police guard central
  north south east west northern southern eastern western gulf sea ocean bay lake river
  island islands mountain mountains valley desert coast cape strait channel canal bridge dam
  city town capital square street road wall tower palace hill park gate
  peace war crisis deal plan pact accord summit talks agreement treaty initiative program programme
  sun times post mail star express guardian mirror independent observer herald tribune telegraph
  globe daily weekly news press record standard economist spectator time life fortune
  apple amazon shell total meta alphabet oracle visa target gap next line signal telegram
  vision spark sputnik patriot javelin stinger hawk eagle falcon raven dome
  left right centre center labor labour liberal liberals conservative conservatives democrat democrats
  republican republicans greens socialist socialists communist communists reform renaissance
  justice freedom liberty unity solidarity progress change future forward together`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words whose capitalised form is also something else in ordinary news text:
 * months, first names, US states, sentence-initial words. Being case-sensitive
 * is not enough for these; they need `afterFull` or `context`.
 */
export const CAPITALISED_CLASHES = new Set(
  `may june april august march chad jordan georgia victoria bill mark grace joy faith rose lily iris ivy dawn
  will hope chance sky bob pat rob sue art page bush brown white black green gray grey young king queen prince
  bishop pope cook baker carpenter mason miller smith hunter fisher farmer price cash gold silver
  nice reading bath mobile split sale turkey niger guinea apple amazon shell total meta oracle visa target gap next
  signal telegram vision spark sputnik patriot javelin stinger hawk eagle falcon raven congress parliament senate house
  labour labor liberal liberals conservative conservatives democrat democrats republican republicans greens reform renaissance
  justice freedom liberty unity solidarity progress change future forward together union state nation people party`
    .split(/\s+/)
    .filter(Boolean),
);

export function isCapitalisedClash(text: string): boolean {
  return CAPITALISED_CLASHES.has(foldAlias(text));
}

export function isCommonWord(text: string): boolean {
  return COMMON_WORDS.has(foldAlias(text));
}

/** Title-case forms that are names in running text (people, places) though no dictionary word. */
const TITLE_CASE_CLASHES = new Set([
  'sana',
  'sami',
  'wafa',
  'mena',
  'jera',
  'tara',
  'nara',
  'kara',
  'lena',
  'nina',
  'sara',
  'rosa',
  'anna',
  'maya',
  'iman',
  'omar',
  'ravi',
  'amal',
]);

/**
 * Whether a lower-case word must not get an acronym's title-case form ("Nice", "Sana"): a word of the
 * given list, a common word, a capitalised clash or a name. What the build passes as AliasOptions.isWord.
 */
export function withNameClashes(isWord: (lower: string) => boolean): (lower: string) => boolean {
  return (lower) => isWord(lower) || TITLE_CASE_CLASHES.has(lower) || COMMON_WORDS.has(lower) || CAPITALISED_CLASHES.has(lower);
}
