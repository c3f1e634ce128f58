/**
 * Aho–Corasick automaton over UTF-16 code units of folded text.
 * One pass over a text reports every pattern occurrence, whatever the number of
 * patterns. Built in typed arrays (first-child / next-sibling trie, failure and
 * dictionary links) so that thousands of aliases build in a few milliseconds
 * and cost little memory in every tab.
 */
import { IGNORABLE } from '../text/normalize';

export type Automaton = {
  /** Children of the root, by code unit (the root has the most children by far). */
  rootChildren: Map<number, number>;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** Code unit on the edge into each state. */
  char: Uint16Array;
  fail: Int32Array;
  /** Pattern ending exactly at this state, or -1. */
  terminal: Int32Array;
  /** Nearest state on the failure chain that has a terminal pattern, or -1. */
  dict: Int32Array;
  /** Pattern lengths in code units, by pattern index. */
  lengths: Int32Array;
};

function childOf(a: Pick<Automaton, 'rootChildren' | 'firstChild' | 'nextSibling' | 'char'>, s: number, c: number): number {
  if (s === 0) return a.rootChildren.get(c) ?? -1;
  for (let k = a.firstChild[s]; k !== -1; k = a.nextSibling[k]) if (a.char[k] === c) return k;
  return -1;
}

/** Work units between yields of the builder: small enough that a slice stays well under a frame. */
const STEP = 4096;

export function buildAutomaton(patterns: readonly string[]): Automaton {
  const it = automatonBuilder(patterns);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/**
 * The builder as a generator that yields every few thousand steps, so a caller
 * can spread a large build over several tasks (see Matcher.create).
 */
export function* automatonBuilder(patterns: readonly string[]): Generator<void, Automaton> {
  let capacity = 1;
  for (const p of patterns) capacity += p.length;
  const firstChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  const char = new Uint16Array(capacity);
  const terminal = new Int32Array(capacity).fill(-1);
  const rootChildren = new Map<number, number>();
  const lengths = new Int32Array(patterns.length);
  const trie = { rootChildren, firstChild, nextSibling, char };
  let count = 1;
  let work = 0;
  for (let index = 0; index < patterns.length; index++) {
    const p = patterns[index];
    lengths[index] = p.length;
    if ((work += p.length) > STEP) {
      work = 0;
      yield;
    }
    if (p.length === 0) continue;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let next = childOf(trie, s, c);
      if (next === -1) {
        next = count++;
        char[next] = c;
        if (s === 0) rootChildren.set(c, next);
        else {
          nextSibling[next] = firstChild[s];
          firstChild[s] = next;
        }
      }
      s = next;
    }
    terminal[s] = index;
  }

  // Failure and dictionary links, breadth first.
  const fail = new Int32Array(count);
  const dict = new Int32Array(count).fill(-1);
  const queue = new Int32Array(count);
  let head = 0;
  let tail = 0;
  for (const t of rootChildren.values()) queue[tail++] = t;
  const visit = (s: number, t: number) => {
    let f = fail[s];
    let target = 0;
    for (;;) {
      const next = childOf(trie, f, char[t]);
      if (next !== -1 && next !== t) {
        target = next;
        break;
      }
      if (f === 0) break;
      f = fail[f];
    }
    fail[t] = target;
    dict[t] = terminal[target] !== -1 ? target : dict[target];
    queue[tail++] = t;
  };
  while (head < tail) {
    const s = queue[head++];
    for (let t = firstChild[s]; t !== -1; t = nextSibling[t]) visit(s, t);
    if (head % STEP === 0) yield;
  }
  return { rootChildren, firstChild, nextSibling, char, fail, terminal, dict, lengths };
}

/**
 * Scan folded text. For every occurrence, calls onMatch(patternIndex, endExclusive).
 * IGNORABLE units are stepped over without changing state, so "Pu\u00ADtin" matches "putin".
 */
export function scan(a: Automaton, folded: string, onMatch: (pattern: number, end: number) => void): void {
  let s = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c === IGNORABLE) continue;
    for (;;) {
      const t = childOf(a, s, c);
      if (t !== -1) {
        s = t;
        break;
      }
      if (s === 0) break;
      s = a.fail[s];
    }
    if (a.terminal[s] !== -1) onMatch(a.terminal[s], i + 1);
    for (let d = a.dict[s]; d !== -1; d = a.dict[d]) onMatch(a.terminal[d], i + 1);
  }
}
