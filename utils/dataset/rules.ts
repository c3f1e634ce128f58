/**
 * Editorial rules for the bundled dataset, beyond the shape the schema checks.
 * Pure functions: used by the build, the report and the audit tests.
 */
import type { Alias, AliasObject, Entity, Fact } from './schema';

/** Labels of facts that can change over time, so they must carry `from`, `to` or `asOf`. */
const VOLATILE_LABEL =
  /\b(president|prime minister|premier|chancellor|leader|head|chair|chairman|chairwoman|chief|ceo|secretary|general secretary|governor|mayor|monarch|king|queen|emir|sultan|emperor|pope|minister|director|editor|owner|speaker|commander|population|gdp|members?|membership|users|employees|staff|revenue|market cap|budget|capacity|production|output|seats|strength|troops|fighters|personnel|casualties|deaths|cases|ranking|rank|stake|shareholders?|holders?|incumbent|office|role|position|term|status)\b/i;

export function isVolatileFact(fact: Fact): boolean {
  return VOLATILE_LABEL.test(fact.label);
}

export function hasDate(fact: Fact): boolean {
  return Boolean(fact.from || fact.to || fact.asOf);
}

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
  return CAPITALISED_CLASHES.has(foldForCompare(text));
}

export function foldForCompare(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function isCommonWord(text: string): boolean {
  return COMMON_WORDS.has(foldForCompare(text));
}

/** Every alias an entity is matched by: its name first, then its aliases. An alias that repeats the name overrides the name's (absent) rules. */
export type AliasOptions = {
  /**
   * Whether a lower-case string is an English word. Given (at build time, from a word list), every
   * acronym of four or more characters also matches in the title case British papers and wire
   * copy use ("Nato", "Brics", "Opec+", "Unicef", "Cop30"), unless that form is a word ("Swift",
   * "Nice") or the alias says `titleCase: false`. Not given (the glossary at run time): no such forms.
   */
  isWord?: (lower: string) => boolean;
};

export function matchAliases(entity: Pick<Entity, 'name' | 'aliases'>, opts: AliasOptions = {}): AliasObject[] {
  const list = entity.aliases.map(aliasObject);
  const nameKey = foldForCompare(entity.name);
  // The name is replaced by an alias with the very same text (which carries rules for it), or by one that
  // already matches it in any case. "MERCOSUR" (an acronym, so case-sensitive) does not cover "Mercosur".
  const covered = list.some((a) => a.text === entity.name || (foldForCompare(a.text) === nameKey && !isCaseSensitive(a)));
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
 * "OPEC+" → "Opec+", "COP30" → "Cop30"), or null when there is none or it is a word.
 */
export function titleCaseForm(text: string, isWord: (lower: string) => boolean): string | null {
  // Latin acronyms only: the house style is the English-language press's.
  if (!/^[A-Z][A-Z0-9]{3,}\+?$/.test(text) || (text.match(/[A-Z]/g) ?? []).length < 3) return null;
  const form = text[0] + text.slice(1).toLowerCase();
  const lower = form.toLowerCase().replace(/\+$/, '');
  if (isWord(lower) || TITLE_CASE_CLASHES.has(lower) || isCommonWord(form) || isCapitalisedClash(form)) return null;
  return form;
}

/** Title-case forms that are names in running text (people, places) though no dictionary word. */
const TITLE_CASE_CLASHES = new Set(['sana', 'sami', 'wafa', 'mena', 'jera', 'tara', 'nara', 'kara', 'lena', 'nina', 'sara', 'rosa', 'anna', 'maya', 'iman', 'omar', 'ravi', 'amal']);
