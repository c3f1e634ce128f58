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
  if (KIND[code] === 0) learnCode(code);
  return (KIND[code] & WORD_KIND) !== 0;
}
const WORD = /[\p{L}\p{N}\p{M}]/u;
export const ASCII_WORD = new Uint8Array(128).map((_, c) => ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0));

/** Whether a code unit belongs to a script written without spaces (names may start mid-"word"). */
export function isNoSpaceCode(code: number): boolean {
  if (KIND[code] === 0) learnCode(code);
  return (KIND[code] & NO_SPACE_KIND) !== 0;
}

/** Combining marks fold to IGNORABLE but still belong to the word before them. */
export function isCombiningCode(code: number): boolean {
  if (KIND[code] === 0) learnCode(code);
  return (KIND[code] & COMBINING_KIND) !== 0;
}
const MARK = /\p{M}/u;

/** Scripts written without spaces between words: aliases in them match without boundaries. */
const NO_SPACE_SCRIPT: RegExp = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
export function needsNoBoundary(alias: string): boolean {
  return NO_SPACE_SCRIPT.test(alias);
}

/**
 * Per code unit, what the hot loops ask (ADR 0002): FOLD its folded unit, KIND its classes (KNOWN once
 * filled, WORD, NO_SPACE, COMBINING). Filled lazily through the Unicode regexes below, or all at once from
 * the packaged index (`useCodeTables`), which the build makes with `codeTables()`: a page then compiles
 * none of those regexes (at its first non-ASCII character) and folds every unit with one read.
 */
const KNOWN = 0x80;
export const WORD_KIND = 1;
export const NO_SPACE_KIND = 2;
export const COMBINING_KIND = 4;
let FOLD: Uint16Array = new Uint16Array(65536);
let KIND: Uint8Array = new Uint8Array(65536);
/** Whether every unit is known (the packaged tables are in use, or `codeTables()` ran). */
let complete = false;
for (let i = 0; i < 128; i++) {
  FOLD[i] = ASCII[i];
  KIND[i] = KNOWN | (ASCII_WORD[i] ? WORD_KIND : 0);
}

/** The tables as they are now (the hot loops keep them in locals; fill an unknown unit with `learnCode`). */
export function foldTable(): Uint16Array {
  return FOLD;
}
export function kindTable(): Uint8Array {
  return KIND;
}

/** One code unit's fold and classes, as the tables hold them: (kind << 16) | fold. */
export function describeCode(code: number): number {
  const ch = String.fromCharCode(code);
  const word = WORD.test(ch) || (code >= 0xd800 && code <= 0xdfff);
  const noSpace = code >= 0x0e00 && (NO_SPACE_SCRIPT.test(ch) || (code >= 0xd840 && code <= 0xd87f));
  const combining = (code >= 0x300 && code <= 0x36f) || (code >= 0x300 && MARK.test(ch));
  const kind = KNOWN | (word ? WORD_KIND : 0) | (noSpace ? NO_SPACE_KIND : 0) | (combining ? COMBINING_KIND : 0);
  return (kind << 16) | (code < 128 ? ASCII[code] : computeFold(code));
}

/** Fill one unknown code unit of the tables (the Unicode regexes run once per unit). */
export function learnCode(code: number): void {
  const d = describeCode(code);
  FOLD[code] = d & 0xffff;
  KIND[code] = d >>> 16;
}

/** Every code unit's fold and classes: what the build packs into the index (about 0.2 s, 192 KB). */
export function codeTables(): { fold: Uint16Array; kind: Uint8Array } {
  for (let c = 0; c < 65536; c++) if (KIND[c] === 0) learnCode(c);
  complete = true;
  return { fold: FOLD.slice(), kind: KIND.slice() };
}

/** Use complete tables (from the packaged index) from now on: a copy of them, so the index can be let go. */
export function useCodeTables(fold: Uint16Array, kind: Uint8Array): void {
  if (fold.length !== 65536 || kind.length !== 65536) throw new Error('code tables must cover 65,536 code units');
  for (let c = 0; c < 128; c++) if (fold[c] !== ASCII[c] || (kind[c] & WORD_KIND) !== ASCII_WORD[c]) throw new Error(`code tables disagree at ${c}`);
  // Copies (192 KB): views would keep the whole index buffer alive after the page lets the index go.
  FOLD = fold.slice();
  KIND = kind.slice();
  complete = true;
}

/** Make every code unit of `text` known, unless all are: then the hot loops read the tables and nothing else. */
export function learnText(text: string): void {
  if (complete) return;
  const kind = KIND;
  for (let i = 0; i < text.length; i++) if (kind[text.charCodeAt(i)] === 0) learnCode(text.charCodeAt(i));
}

/** Fold one UTF-16 code unit. */
export function foldCode(code: number): number {
  if (KIND[code] === 0) learnCode(code);
  return FOLD[code];
}
