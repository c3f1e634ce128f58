/**
 * The matcher as it was before the trie was compiled at build time (commit 3c2ceea): a per-character
 * loop over a trie built at run time. Kept as the reference the shipped matcher must agree with.
 */
/**
 * Finds candidate alias occurrences in one block of text in a single pass:
 * from each place a name can start, walk the alias trie over case- and
 * accent-folded characters (folded on the fly, no copy of the text), and keep
 * the endings that sit on a word boundary and pass the case check.
 * Which candidates become mentions is decided by ./select.ts (alias rules, leftmost-longest).
 */
import { automatonBuilder, buildAutomaton, child, type Automaton } from './automaton';
import { yieldToPage, type Yielder } from '../../../utils/tasks/scheduler';
import { FLAG_CASE_SENSITIVE, FLAG_NO_BOUNDARY, type TermIndex } from '../../../utils/match/term-index';
import { ASCII, ASCII_WORD, foldAlias, foldCode, foldPunctuation, IGNORABLE, isWordCode, isNoSpaceCode } from '../../../utils/text/normalize';

export type Candidate = {
  start: number;
  end: number;
  /** Alias indices (into index.aliases) that may claim this span. */
  aliases: number[];
};

export class Matcher {
  readonly index: TermIndex;
  private readonly automaton: Automaton;
  /** Pattern index -> alias indices sharing that folded text. */
  private readonly byPattern: number[][];
  /** Per pattern: true when any of its aliases needs no word boundary (CJK and other scripts without spaces). */
  private readonly noBoundary: Uint8Array;
  /** Alias texts in NFC, for the case-sensitive comparison (normalising per match was a hot spot). */
  private readonly exact: string[];

  constructor(index: TermIndex, prepared?: { automaton: Automaton; byPattern: number[][] }) {
    this.index = index;
    const p = prepared ?? prepare(index);
    this.byPattern = p.byPattern;
    this.automaton = p.automaton ?? buildAutomaton(p.keys);
    this.exact = index.aliases.map((al) => al.text.normalize('NFC'));
    this.noBoundary = new Uint8Array(this.byPattern.length);
    this.byPattern.forEach((list, i) => {
      if (list.some((ai) => index.aliases[ai].flags & FLAG_NO_BOUNDARY)) this.noBoundary[i] = 1;
    });
  }

  /** Build without a long task: the trie is built in slices, yielding to the page between them. */
  static async create(index: TermIndex, yielder: Yielder = yieldToPage, sliceMs = 8): Promise<Matcher> {
    let deadline = performance.now() + sliceMs;
    const drain = async <T>(it: Generator<void, T>): Promise<T> => {
      for (;;) {
        const r = it.next();
        if (r.done) return r.value;
        if (performance.now() >= deadline) {
          await yielder();
          deadline = performance.now() + sliceMs;
        }
      }
    };
    // Folding 13,000 aliases is itself ~25 ms in a Firefox content script: sliced like the build.
    const { keys, byPattern } = await drain(prepareSteps(index));
    const automaton = await drain(automatonBuilder(keys));
    return new Matcher(index, { automaton, byPattern });
  }

  /** Candidates in `text`, in order of start offset. */
  find(text: string): Candidate[] {
    const a = this.automaton;
    const out: Candidate[] = [];
    const n = text.length;
    // Whether the previous non-ignorable character was a word character.
    let prevWord = false;
    const root = a.root;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      // ASCII fast path: two table reads per character on English text.
      const ascii = code < 128;
      const f = ascii ? ASCII[code] : foldCode(code);
      if (f === IGNORABLE && !ascii && !(prevWord && isCombiningCode(code))) continue;
      const word = ascii ? ASCII_WORD[code] === 1 : isWordCode(code);
      const atStart = !prevWord || !word;
      prevWord = word;
      // Mid-word, only aliases in scripts without spaces may start here.
      if (!atStart && (code < 0x0e00 || !isNoSpaceCode(code))) continue;
      const first = root[f];
      if (first === -1) continue;
      this.walk(text, i, first, atStart, out);
    }
    return out;
  }

  /** Follow the trie from `start`; record every pattern ending on an acceptable boundary. */
  private walk(text: string, start: number, first: number, leftOk: boolean, out: Candidate[]): void {
    const a = this.automaton;
    let s = first;
    let i = start;
    for (;;) {
      const p = a.terminal[s];
      if (p !== -1) {
        const end = i + 1;
        const rightOk = end >= text.length || !isWordCode(nextCode(text, end));
        if ((leftOk && rightOk) || this.noBoundary[p]) this.emit(text, start, end, p, leftOk && rightOk, out);
      }
      // Advance to the next non-ignorable character.
      let j = i + 1;
      let f = IGNORABLE;
      while (j < text.length) {
        const code = text.charCodeAt(j);
        f = code < 128 ? ASCII[code] : foldCode(code);
        if (f !== IGNORABLE) break;
        j++;
      }
      if (j >= text.length) return;
      // Second character of an ASCII word: one read in a small table instead of a trie lookup.
      const prev = text.charCodeAt(i);
      const next = i === start && prev < 128 && f < 128 ? a.root2[(ASCII[prev] << 7) | f] : child(a, s, f);
      if (next === -1) return;
      s = next;
      i = j;
    }
  }

  private emit(text: string, start: number, end: number, pattern: number, bounded: boolean, out: Candidate[]): void {
    const aliases: number[] = [];
    for (const ai of this.byPattern[pattern]) {
      const alias = this.index.aliases[ai];
      if (!bounded && !(alias.flags & FLAG_NO_BOUNDARY)) continue;
      if (alias.flags & FLAG_CASE_SENSITIVE && !sameCase(text, start, end, this.exact[ai])) continue;
      aliases.push(ai);
    }
    if (aliases.length > 0) out.push({ start, end, aliases });
  }
}

/** Group aliases by folded text: one trie pattern per distinct key. */
type Prepared = { keys: string[]; byPattern: number[][]; automaton?: undefined };

function prepare(index: TermIndex): Prepared {
  const it = prepareSteps(index);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Distinct folded alias keys and the aliases behind each; yields every few hundred aliases. */
function* prepareSteps(index: TermIndex): Generator<void, Prepared> {
  const keys = new Map<string, number>();
  const byPattern: number[][] = [];
  for (let i = 0; i < index.aliases.length; i++) {
    if (i % 256 === 255) yield;
    const key = foldAlias(index.aliases[i].text);
    if (key.length === 0) continue;
    let p = keys.get(key);
    if (p === undefined) {
      p = byPattern.length;
      keys.set(key, p);
      byPattern.push([]);
    }
    byPattern[p].push(i);
  }
  return { keys: [...keys.keys()], byPattern };
}

/** The first character after `end` that is not ignorable (combining marks count: they belong to the word). */
function nextCode(text: string, end: number): number {
  let i = end;
  while (i < text.length - 1 && foldCode(text.charCodeAt(i)) === IGNORABLE && !isCombiningCode(text.charCodeAt(i))) i++;
  return text.charCodeAt(i);
}

/** Combining marks fold to IGNORABLE but still belong to the word before them. */
function isCombiningCode(code: number): boolean {
  return code >= 0x300 && code <= 0x36f ? true : code >= 0x300 && /\p{M}/u.test(String.fromCharCode(code));
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
