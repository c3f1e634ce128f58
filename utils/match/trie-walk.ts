/**
 * The automaton: from each place a name can start, walk the alias trie over case- and accent-folded
 * characters (folded on the fly, no copy of the text), and keep the endings that sit on a word boundary
 * and pass the case check. The matcher (./matcher.ts) owns the tries and the alias tables; this is its
 * hot loop, kept to plain functions over typed arrays.
 */
import { WIDE, type CompiledTables } from './compiled';
import { FLAG_CASE_SENSITIVE, FLAG_NO_BOUNDARY } from './term-index';
import {
  ASCII,
  ASCII_WORD,
  COMBINING_KIND,
  foldCode,
  foldPunctuation,
  foldTable,
  IGNORABLE,
  isCombiningCode,
  isWordCode,
  kindTable,
  learnText,
  NO_SPACE_KIND,
  WORD_KIND,
} from '../text/normalize';

/** ASCII code unit -> its folded unit, plus 0x10000 for a word character (letters and digits). */
const ASCII_CLASS = Int32Array.from(ASCII, (f, c) => f | (ASCII_WORD[c] ? 0x10000 : 0));

export type Candidate = {
  start: number;
  end: number;
  /** Alias indices (into index.aliases) that may claim this span. */
  aliases: number[];
};

/** One trie and the page-side tables laid over it. */
export type Trie = {
  t: CompiledTables;
  /** Depth-1 node by folded code unit, or -1 (every walk starts here). */
  root: Int32Array;
  /** Depth-2 node after two folded ASCII code units, (c1 << 7) | c2, or -1: the step nearly every walk takes. */
  root2: Int32Array;
  /** Added to the trie's alias numbers (the glossary's trie follows the dataset's). */
  aliasShift: number;
  /** Row in `dense` of each node with more than WIDE children, or -1: ASCII child by code unit. */
  wideRow: Int16Array;
  dense: Int32Array;
};

/** What the walk needs of the aliases: their flags, and their exact text for the case-sensitive check. */
export type AliasCheck = { flags: Uint8Array; exactText(ai: number): string };

/** Lay the page-side lookup tables over a compiled trie. */
export function layOver(t: CompiledTables, aliasShift: number): Trie {
  const { firstChild, edge, wide } = t;
  const root = new Int32Array(65536).fill(-1);
  for (let v = firstChild[0]; v < firstChild[1]; v++) root[edge[v]] = v;
  const wideRow = new Int16Array(firstChild.length - 1).fill(-1);
  const rows = Math.min(wide.length, 0x7fff);
  const dense = new Int32Array(rows << 7).fill(-1);
  for (let row = 0; row < rows; row++) {
    const v = wide[row];
    wideRow[v] = row;
    for (let w = firstChild[v]; w < firstChild[v + 1]; w++) if (edge[w] < 128) dense[(row << 7) | edge[w]] = w;
  }
  return { t, root, root2: t.root2, aliasShift, wideRow, dense };
}

export function findIn(trie: Trie, check: AliasCheck, text: string): Candidate[] {
  // Everything the loop reads is a local: this runs cold on every page (interpreted or baseline
  // code at first), where each property load and call counts.
  const root = trie.root;
  const CLS = ASCII_CLASS;
  // Every code unit's fold and classes in two tables (the packaged ones on a page): one read each.
  learnText(text);
  const F = foldTable();
  const K = kindTable();
  const out: Candidate[] = [];
  // Every character is visited here, in a loop small enough for the engine to optimise within the first
  // few thousand: inside an ASCII word it costs a load and a compare. `wordBefore`: whether the last
  // non-ignorable character before `at` is a word character.
  let wordBefore = false;
  for (let at = 0, n = text.length; at < n; at++) {
    const code = text.charCodeAt(at);
    const prevWord = wordBefore;
    let f: number;
    let atStart = true;
    if (code < 128) {
      // ASCII: one table read gives the folded unit and whether it is a word character.
      const cls = CLS[code];
      if (cls > 0xffff) {
        wordBefore = true;
        if (prevWord) continue; // inside a word
        f = cls & 0xffff;
      } else {
        wordBefore = false;
        f = cls;
        if (f === 0x20 || code === 0) continue; // no alias starts with white space or NUL
      }
    } else {
      const k = K[code];
      f = F[code];
      // Ignorable characters (invisible ones, combining marks) never change whether we are in a word.
      if (f === IGNORABLE) {
        if (!(prevWord && (k & COMBINING_KIND) !== 0)) continue;
      }
      const word = (k & WORD_KIND) !== 0;
      if (f !== IGNORABLE) wordBefore = word;
      atStart = !prevWord || !word;
      // Mid-word, only aliases in scripts without spaces may start here.
      if (!atStart && (k & NO_SPACE_KIND) === 0) continue;
    }
    const v = root[f];
    if (v !== -1) walk(trie, check, text, at, f, v, atStart, out, F);
  }
  return out;
}

/** Follow the trie from `at` (node v, folded unit f), recording every pattern that ends on an acceptable boundary. */
function walk(trie: Trie, check: AliasCheck, text: string, at: number, f: number, first: number, atStart: boolean, out: Candidate[], F: Uint16Array): void {
  const { root2, wideRow, dense } = trie;
  const { firstChild, edge, rest, pool, terminal, noBoundary } = trie.t;
  const CLS = ASCII_CLASS;
  const n = text.length;
  let v = first;
  let i = at;
  for (;;) {
    const p = terminal[v];
    if (p !== -1) {
      const end = i + 1;
      let rightOk = true;
      if (end < n) {
        const c = text.charCodeAt(end);
        rightOk = c < 128 && c !== 0 ? CLS[c] <= 0xffff : !isWordCode(nextCode(text, end));
      }
      if ((atStart && rightOk) || noBoundary[p] === 1) emit(trie, check, text, at, end, p, atStart && rightOk, out);
    }
    // The next non-ignorable character: nearly always the next one, and ASCII.
    let j = i + 1;
    if (j >= n) break;
    let c = text.charCodeAt(j);
    let g = F[c];
    while (g === IGNORABLE) {
      if (++j >= n) break;
      c = text.charCodeAt(j);
      g = F[c];
    }
    if (j >= n) break;
    let w = -1;
    if (i === at && f < 128 && g < 128) w = root2[(f << 7) | g];
    else {
      // Children are sorted by their first code unit: a short scan, or a binary search for wide nodes.
      let lo = firstChild[v];
      let hi = firstChild[v + 1];
      const row = g < 128 ? wideRow[v] : -1;
      if (row !== -1) w = dense[(row << 7) | g];
      else if (hi - lo <= WIDE) {
        for (; lo < hi; lo++) {
          if (edge[lo] === g) {
            w = lo;
            break;
          }
        }
      } else {
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          const e = edge[mid];
          if (e === g) {
            w = mid;
            break;
          }
          if (e < g) lo = mid + 1;
          else hi = mid;
        }
      }
    }
    if (w === -1) break;
    i = j;
    // The rest of the edge: a run of characters the text must follow one by one.
    let k = rest[w];
    const kEnd = rest[w + 1];
    while (k < kEnd) {
      j = i + 1;
      if (j >= n) break;
      c = text.charCodeAt(j);
      g = F[c];
      while (g === IGNORABLE) {
        if (++j >= n) break;
        c = text.charCodeAt(j);
        g = F[c];
      }
      if (j >= n || g !== pool[k]) break;
      i = j;
      k++;
    }
    if (k < kEnd) break;
    v = w;
  }
}

function emit(trie: Trie, check: AliasCheck, text: string, start: number, end: number, pattern: number, bounded: boolean, out: Candidate[]): void {
  const { patternStart, patternAliases } = trie.t;
  let aliases: number[] | null = null;
  for (let k = patternStart[pattern]; k < patternStart[pattern + 1]; k++) {
    const ai = patternAliases[k] + trie.aliasShift;
    const flags = check.flags[ai];
    if (!bounded && !(flags & FLAG_NO_BOUNDARY)) continue;
    if (flags & FLAG_CASE_SENSITIVE && !sameCase(text, start, end, check.exactText(ai))) continue;
    (aliases ??= []).push(ai);
  }
  if (aliases) out.push({ start, end, aliases });
}

/** The first character after `end` that is not ignorable (combining marks count: they belong to the word). */
function nextCode(text: string, end: number): number {
  let i = end;
  while (i < text.length - 1 && foldCode(text.charCodeAt(i)) === IGNORABLE && !isCombiningCode(text.charCodeAt(i))) i++;
  return text.charCodeAt(i);
}

/** Case-sensitive check: the page text, without ignorables and with punctuation folded, equals the alias. */
function sameCase(text: string, start: number, end: number, want: string): boolean {
  let j = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (foldCode(code) === IGNORABLE) continue;
    if (j >= want.length) return false;
    const w = want.charCodeAt(j);
    j++;
    if (code === w) continue;
    // Two different ASCII characters never pass (nearly every check: "is" against the acronym "IS"),
    // unless one is a backtick or a control space, which punctuation folding changes.
    if (code < 128 && w < 128 && code > 0x20 && w > 0x20 && code !== 0x60 && w !== 0x60) return false;
    const a = foldPunctuation(code);
    const b = foldPunctuation(w);
    // Diacritics may differ ("SAO" vs "SÃO"); letter case may not.
    if (a !== b && !sameLetterSameCase(a, b)) return false;
  }
  return j === want.length;
}

function sameLetterSameCase(a: number, b: number): boolean {
  const ca = String.fromCharCode(a);
  const cb = String.fromCharCode(b);
  const isUpper = (c: string) => c !== c.toLowerCase();
  return isUpper(ca) === isUpper(cb) && foldCode(a) === foldCode(b);
}
