/**
 * The compiled alias trie over UTF-16 code units of folded text.
 *
 * Matching walks it from each place a name can start (a word start, or any
 * character of a script written without spaces), so one pass over the text finds
 * every alias whatever their number: the work per position is bounded by the
 * trie depth, not by the alias count. This gives the same matches as
 * Aho–Corasick followed by the word-boundary filter, but with no failure links
 * to chase and no in-word matches to report and reject, which measured 8–10×
 * faster on a 2 MB page (ADR 0002).
 *
 * Typed arrays (first-child / next-sibling) keep thousands of aliases cheap to
 * build and small in memory; the root, which has by far the most children, is a
 * direct table.
 */
export type Automaton = {
  /** Child of the root by code unit, or -1: a direct table, since every position consults it. */
  root: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** Code unit on the edge into each state. */
  char: Uint16Array;
  /** Pattern ending exactly at this state, or -1. */
  terminal: Int32Array;
  /** Pattern lengths in code units, by pattern index. */
  lengths: Int32Array;
  /**
   * Edges of every non-root state in one open-addressing hash table: a walk step is
   * O(1) even at states with hundreds of children ("the …", "new …").
   */
  hashState: Int32Array;
  hashChar: Uint16Array;
  hashTarget: Int32Array;
  hashMask: number;
  /**
   * Direct ASCII child tables for the states just below the root, where most
   * walks end: denseIndex[s] is the row in `dense` (128 entries), or -1.
   */
  denseIndex: Int32Array;
  dense: Int32Array;
  /** State after two ASCII code units from the root, (c1 << 7) | c2 → state or -1: the step nearly every walk takes. */
  root2: Int32Array;
};

/** States at this depth or less get a direct ASCII table (depth 1 and 2: a few thousand rows). */
const DENSE_DEPTH = 2;

/** Work units between yields of the builder: small enough that a slice stays well under a frame. */
const STEP = 1024;

/** Child of state s on code unit c, or -1 (non-root states). */
export function child(a: Automaton, s: number, c: number): number {
  if (c < 128) {
    const row = a.denseIndex[s];
    if (row !== -1) return a.dense[(row << 7) | c];
  }
  let h = hash(s, c) & a.hashMask;
  for (;;) {
    const st = a.hashState[h];
    if (st === -1) return -1;
    if (st === s && a.hashChar[h] === c) return a.hashTarget[h];
    h = (h + 1) & a.hashMask;
  }
}

function hash(s: number, c: number): number {
  return Math.imul(s ^ Math.imul(c, 0x9e3779b1), 0x85ebca6b) >>> 15;
}

/** Child lookup while building, through the sibling lists. */
function childOfTrie(a: Automaton, s: number, c: number): number {
  for (let k = a.firstChild[s]; k !== -1; k = a.nextSibling[k]) if (a.char[k] === c) return k;
  return -1;
}

export function buildAutomaton(patterns: readonly string[]): Automaton {
  const it = automatonBuilder(patterns);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** The builder as a generator that yields every few thousand steps, so a caller can spread it over several tasks. */
export function* automatonBuilder(patterns: readonly string[]): Generator<void, Automaton> {
  let capacity = 1;
  for (const p of patterns) capacity += p.length;
  const a: Automaton = {
    root: new Int32Array(65536).fill(-1),
    firstChild: new Int32Array(capacity).fill(-1),
    nextSibling: new Int32Array(capacity).fill(-1),
    char: new Uint16Array(capacity),
    terminal: new Int32Array(capacity).fill(-1),
    lengths: new Int32Array(patterns.length),
    hashState: new Int32Array(0),
    hashChar: new Uint16Array(0),
    hashTarget: new Int32Array(0),
    hashMask: 0,
    denseIndex: new Int32Array(0),
    dense: new Int32Array(0),
    root2: new Int32Array(128 * 128).fill(-1),
  };
  let count = 1;
  let work = 0;
  for (let index = 0; index < patterns.length; index++) {
    const p = patterns[index];
    a.lengths[index] = p.length;
    if ((work += p.length) > STEP) {
      work = 0;
      yield;
    }
    if (p.length === 0) continue;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let next = s === 0 ? a.root[c] : childOfTrie(a, s, c);
      if (next === -1) {
        next = count++;
        a.char[next] = c;
        if (s === 0) a.root[c] = next;
        else {
          a.nextSibling[next] = a.firstChild[s];
          a.firstChild[s] = next;
        }
      }
      s = next;
    }
    a.terminal[s] = index;
  }
  // Depth of each state, for the dense rows.
  const depth = new Uint8Array(count);
  const denseIndex = new Int32Array(count).fill(-1);
  let rows = 0;
  for (let c = 0; c < 65536; c++) {
    const t = a.root[c];
    if (t !== -1) depth[t] = 1;
  }
  for (let st = 1; st < count; st++) {
    if (depth[st] === 0 || depth[st] >= DENSE_DEPTH) continue;
    for (let k = a.firstChild[st]; k !== -1; k = a.nextSibling[k]) depth[k] = depth[st] + 1;
  }
  for (let st = 1; st < count; st++) if (depth[st] >= 1 && depth[st] <= DENSE_DEPTH && a.firstChild[st] !== -1) denseIndex[st] = rows++;
  const dense = new Int32Array(rows * 128).fill(-1);
  for (let st = 1; st < count; st++) {
    const row = denseIndex[st];
    if (row === -1) continue;
    for (let k = a.firstChild[st]; k !== -1; k = a.nextSibling[k]) if (a.char[k] < 128) dense[(row << 7) | a.char[k]] = k;
  }
  a.denseIndex = denseIndex;
  a.dense = dense;
  for (let c1 = 0; c1 < 128; c1++) {
    const s1 = a.root[c1];
    if (s1 === -1 || denseIndex[s1] === -1) continue;
    const row = denseIndex[s1] << 7;
    for (let c2 = 0; c2 < 128; c2++) a.root2[(c1 << 7) | c2] = dense[row | c2];
  }
  yield;
  // Hash every non-root edge; load factor at most 1/2.
  let size = 1024;
  while (size < count * 2) size <<= 1;
  a.hashState = new Int32Array(size).fill(-1);
  a.hashChar = new Uint16Array(size);
  a.hashTarget = new Int32Array(size);
  a.hashMask = size - 1;
  for (let s = 1; s < count; s++) {
    for (let k = a.firstChild[s]; k !== -1; k = a.nextSibling[k]) {
      let h = hash(s, a.char[k]) & a.hashMask;
      while (a.hashState[h] !== -1) h = (h + 1) & a.hashMask;
      a.hashState[h] = s;
      a.hashChar[h] = a.char[k];
      a.hashTarget[h] = k;
    }
    if (s % STEP === 0) yield;
  }
  return a;
}
