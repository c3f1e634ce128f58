/**
 * Finds candidate alias occurrences in one block of text: one automaton pass,
 * then Unicode word-boundary and case checks per occurrence.
 * Which candidates become mentions is decided by ./select.ts (alias rules, leftmost-longest).
 */
import { automatonBuilder, buildAutomaton, scan, type Automaton } from './automaton';
import { yieldToPage, type Yielder } from '../scan/scheduler';
import { FLAG_CASE_SENSITIVE, FLAG_NO_BOUNDARY, type TermIndex } from './term-index';
import { foldAlias, foldPunctuation, foldText, IGNORABLE, isWordCode, needsNoBoundary } from '../text/normalize';

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

  constructor(index: TermIndex, prepared?: { automaton: Automaton; byPattern: number[][] }) {
    this.index = index;
    const p = prepared ?? prepare(index);
    this.byPattern = p.byPattern;
    this.automaton = p.automaton ?? buildAutomaton(p.keys);
  }

  /**
   * Build without a long task: folding and the automaton are built in slices,
   * yielding to the page between them. Same result as the constructor.
   */
  static async create(index: TermIndex, yielder: Yielder = yieldToPage, sliceMs = 8): Promise<Matcher> {
    const { keys, byPattern } = prepare(index);
    const it = automatonBuilder(keys);
    let deadline = performance.now() + sliceMs;
    for (;;) {
      const r = it.next();
      if (r.done) return new Matcher(index, { automaton: r.value, byPattern });
      if (performance.now() >= deadline) {
        await yielder();
        deadline = performance.now() + sliceMs;
      }
    }
  }

  /** Candidates in `text`, in order of end offset. */
  find(text: string): Candidate[] {
    const folded = foldText(text);
    const out: Candidate[] = [];
    scan(this.automaton, folded, (pattern, end) => {
      const start = startOf(folded, end, this.automaton.lengths[pattern]);
      const leftOk = start === 0 || !isWordCode(prevCode(text, folded, start));
      const rightOk = end === text.length || !isWordCode(nextCode(text, folded, end));
      const aliases: number[] = [];
      for (const ai of this.byPattern[pattern]) {
        const alias = this.index.aliases[ai];
        if (!(alias.flags & FLAG_NO_BOUNDARY) && !(leftOk && rightOk)) continue;
        if (alias.flags & FLAG_CASE_SENSITIVE && !sameCase(text, folded, start, end, alias.text)) continue;
        aliases.push(ai);
      }
      if (aliases.length > 0) out.push({ start, end, aliases });
    });
    return out;
  }
}

/** Group aliases by folded text: one automaton pattern per distinct key. */
function prepare(index: TermIndex): { keys: string[]; byPattern: number[][]; automaton?: undefined } {
  const keys = new Map<string, number>();
  const byPattern: number[][] = [];
  index.aliases.forEach((alias, i) => {
    const key = foldAlias(alias.text);
    if (key.length === 0) return;
    let p = keys.get(key);
    if (p === undefined) {
      p = byPattern.length;
      keys.set(key, p);
      byPattern.push([]);
    }
    byPattern[p].push(i);
    // No-boundary status is derived from the text, so data cannot get it wrong.
    if (needsNoBoundary(alias.text)) alias.flags |= FLAG_NO_BOUNDARY;
  });
  return { keys: [...keys.keys()], byPattern };
}

/** Walk back over `length` non-ignorable units from `end`. */
function startOf(folded: string, end: number, length: number): number {
  let i = end;
  let left = length;
  while (left > 0) {
    i--;
    if (folded.charCodeAt(i) !== IGNORABLE) left--;
  }
  return i;
}

function prevCode(text: string, folded: string, start: number): number {
  let i = start - 1;
  while (i > 0 && folded.charCodeAt(i) === IGNORABLE && !isCombining(text.charCodeAt(i))) i--;
  return text.charCodeAt(i);
}

function nextCode(text: string, folded: string, end: number): number {
  let i = end;
  while (i < text.length - 1 && folded.charCodeAt(i) === IGNORABLE && !isCombining(text.charCodeAt(i))) i++;
  return text.charCodeAt(i);
}

/** Combining marks fold to IGNORABLE but still belong to the word before them. */
function isCombining(code: number): boolean {
  return code >= 0x300 && /\p{M}/u.test(String.fromCharCode(code));
}

/** Case-sensitive check: the page text, without ignorables and with punctuation folded, equals the alias. */
function sameCase(text: string, folded: string, start: number, end: number, alias: string): boolean {
  const want = alias.normalize('NFC');
  let j = 0;
  for (let i = start; i < end; i++) {
    if (folded.charCodeAt(i) === IGNORABLE) continue;
    if (j >= want.length) return false;
    const a = foldPunctuation(text.charCodeAt(i));
    const b = foldPunctuation(want.charCodeAt(j));
    // Diacritics may differ ("SAO" vs "SÃO"); letter case may not.
    if (a !== b && !sameLetterSameCase(a, b)) return false;
    j++;
  }
  return j === want.length;
}

function sameLetterSameCase(a: number, b: number): boolean {
  const ca = String.fromCharCode(a);
  const cb = String.fromCharCode(b);
  const isUpper = (c: string) => c !== c.toLowerCase();
  return isUpper(ca) === isUpper(cb) && foldText(ca) === foldText(cb);
}
