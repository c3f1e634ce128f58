/**
 * Aho–Corasick automaton over UTF-16 code units of folded text.
 * One pass over a text reports every pattern occurrence, whatever the number of
 * patterns. Transitions are stored compactly (sorted edge arrays per state) so a
 * dataset of thousands of aliases costs little memory in every tab.
 */
import { IGNORABLE } from '../text/normalize';

export type Automaton = {
  /** Per state: first edge index into edgeChars/edgeTargets; length states+1. */
  edgeStart: Int32Array;
  edgeChars: Uint16Array;
  edgeTargets: Int32Array;
  fail: Int32Array;
  /** Per state: first output index into outputs; length states+1. Outputs include those reached by dictionary (fail) links. */
  outStart: Int32Array;
  outputs: Int32Array;
  /** Pattern lengths in code units, by pattern index. */
  lengths: Int32Array;
};

export function buildAutomaton(patterns: readonly string[]): Automaton {
  // 1. Trie with Map children (temporary).
  const children: Array<Map<number, number>> = [new Map()];
  const terminal: number[][] = [[]];
  const lengths = new Int32Array(patterns.length);
  patterns.forEach((p, index) => {
    lengths[index] = p.length;
    if (p.length === 0) return;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let next = children[s].get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        terminal.push([]);
        children[s].set(c, next);
      }
      s = next;
    }
    terminal[s].push(index);
  });
  const n = children.length;

  // 2. Compact edges, sorted by char for binary search.
  const edgeStart = new Int32Array(n + 1);
  let edgeCount = 0;
  for (let s = 0; s < n; s++) {
    edgeStart[s] = edgeCount;
    edgeCount += children[s].size;
  }
  edgeStart[n] = edgeCount;
  const edgeChars = new Uint16Array(edgeCount);
  const edgeTargets = new Int32Array(edgeCount);
  for (let s = 0; s < n; s++) {
    const sorted = [...children[s].entries()].sort((a, b) => a[0] - b[0]);
    let k = edgeStart[s];
    for (const [c, t] of sorted) {
      edgeChars[k] = c;
      edgeTargets[k] = t;
      k++;
    }
  }

  // 3. Failure links, breadth first; outputs merged along dictionary links.
  const fail = new Int32Array(n);
  const out: number[][] = terminal.map((t) => t.slice());
  const queue: number[] = [];
  for (const t of children[0].values()) {
    fail[t] = 0;
    queue.push(t);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi];
    for (const [c, t] of children[s]) {
      let f = fail[s];
      let target = -1;
      for (;;) {
        const next = children[f].get(c);
        if (next !== undefined && next !== t) {
          target = next;
          break;
        }
        if (f === 0) break;
        f = fail[f];
      }
      fail[t] = target === -1 ? 0 : target;
      if (out[fail[t]].length > 0) out[t].push(...out[fail[t]]);
      queue.push(t);
    }
  }
  const outStart = new Int32Array(n + 1);
  let outCount = 0;
  for (let s = 0; s < n; s++) {
    outStart[s] = outCount;
    outCount += out[s].length;
  }
  outStart[n] = outCount;
  const outputs = new Int32Array(outCount);
  for (let s = 0; s < n; s++) outputs.set(out[s], outStart[s]);
  return { edgeStart, edgeChars, edgeTargets, fail, outStart, outputs, lengths };
}

function step(a: Automaton, state: number, c: number): number {
  let lo = a.edgeStart[state];
  let hi = a.edgeStart[state + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = a.edgeChars[mid];
    if (v === c) return a.edgeTargets[mid];
    if (v < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
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
      const t = step(a, s, c);
      if (t !== -1) {
        s = t;
        break;
      }
      if (s === 0) break;
      s = a.fail[s];
    }
    for (let k = a.outStart[s]; k < a.outStart[s + 1]; k++) onMatch(a.outputs[k], i + 1);
  }
}
