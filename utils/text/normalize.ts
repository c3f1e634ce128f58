/**
 * Length-preserving folding: one UTF-16 code unit in, one out, so an offset in
 * the folded text is the same offset in the page text and no mapping tables are
 * needed. Folds case, diacritics, apostrophe/quote/dash/space variants.
 *
 * Characters that must never stop a match (soft hyphen, zero-width characters,
 * combining marks of decomposed text) fold to IGNORABLE; the matcher steps over them.
 * Folds that would change the length (ß → ss, İ → i̇) are not applied here; they are
 * covered by the one-unit table below where a one-unit equivalent exists.
 */

/** Folded value of characters the matcher skips. */
export const IGNORABLE = 0;

const APOSTROPHES = '\u2019\u2018\u02BC\u02BB\u0060\u00B4\u2032\u201B\uFF07';
const QUOTES = '\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\uFF02';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D';
const SPACES = '\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000\t\n\r\f\v';
const INVISIBLE = '\u00AD\u200B\u200C\u200D\u2060\uFEFF\u180E';
/** Letters without a canonical decomposition that readers still expect to fold. */
const EXTRA: Record<string, string> = {
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  ı: 'i',
  İ: 'i',
  ħ: 'h',
  Ħ: 'h',
  ŧ: 't',
  Ŧ: 't',
};

const cache = new Map<number, number>();

function computeFold(code: number): number {
  const ch = String.fromCharCode(code);
  if (APOSTROPHES.includes(ch)) return 0x27; // '
  if (QUOTES.includes(ch)) return 0x22; // "
  if (DASHES.includes(ch)) return 0x2d; // -
  if (SPACES.includes(ch)) return 0x20;
  if (INVISIBLE.includes(ch)) return IGNORABLE;
  // Lone surrogates stay as they are: astral characters are compared unit by unit.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  if (/\p{M}/u.test(ch)) return IGNORABLE;
  const extra = EXTRA[ch];
  if (extra) return extra.charCodeAt(0);
  const base = ch.normalize('NFD');
  const letter = base.length > 1 && /^\P{M}\p{M}+$/u.test(base) ? base[0] : ch;
  const lower = letter.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : letter.charCodeAt(0);
}

/** Folded ASCII, exported so hot loops can index it directly. */
export const ASCII = new Uint16Array(128);
for (let i = 0; i < 128; i++) ASCII[i] = i >= 65 && i <= 90 ? i + 32 : i === 9 || i === 10 || i === 11 || i === 12 || i === 13 ? 0x20 : i;

/** Fold one UTF-16 code unit. */
export function foldCode(code: number): number {
  if (code < 128) return ASCII[code];
  let v = cache.get(code);
  if (v === undefined) {
    v = computeFold(code);
    cache.set(code, v);
  }
  return v;
}

/** Fold a whole string; the result has the same length, with IGNORABLE as U+0000. */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}

/** Fold an alias for the automaton: folded and with ignorables removed (aliases are clean data). */
export function foldAlias(text: string): string {
  // NFC first so that decomposed input in data folds like composed input.
  // IGNORABLE folds to U+0000: drop those units.
  return foldText(text.normalize('NFC')).replace(/\0/g, '').replace(/ {2,}/g, ' ').trim();
}

/** Punctuation-only folding, for case-sensitive comparison: keeps case and diacritics. */
export function foldPunctuation(code: number): number {
  const ch = String.fromCharCode(code);
  if (APOSTROPHES.includes(ch)) return 0x27;
  if (QUOTES.includes(ch)) return 0x22;
  if (DASHES.includes(ch)) return 0x2d;
  if (SPACES.includes(ch)) return 0x20;
  return code;
}

/** Letters and digits in any script: a word boundary is any place between one of these and a non-one. */
export function isWordCode(code: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1;
  let v = WORD_CACHE[code];
  if (v === 0) {
    v = WORD.test(String.fromCharCode(code)) || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
    WORD_CACHE[code] = v;
  }
  return v === 1;
}
const WORD = /[\p{L}\p{N}\p{M}]/u;
export const ASCII_WORD = new Uint8Array(128).map((_, c) => ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0));
/** 0 unknown, 1 word, 2 not a word character; filled lazily (the Unicode regex is slow per call). */
const WORD_CACHE = new Uint8Array(65536);

/** Whether a code unit belongs to a script written without spaces (names may start mid-"word"). */
export function isNoSpaceCode(code: number): boolean {
  if (code < 0x0e00) return false;
  let v = NO_SPACE_CACHE[code];
  if (v === 0) {
    v = NO_SPACE_SCRIPT.test(String.fromCharCode(code)) || (code >= 0xd840 && code <= 0xd87f) ? 1 : 2;
    NO_SPACE_CACHE[code] = v;
  }
  return v === 1;
}
const NO_SPACE_CACHE = new Uint8Array(65536);

/** Scripts written without spaces between words: aliases in them match without boundaries. */
const NO_SPACE_SCRIPT: RegExp = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
export function needsNoBoundary(alias: string): boolean {
  return NO_SPACE_SCRIPT.test(alias);
}
