/**
 * The matcher's tables, compiled once (at build time for the bundled dataset, at run time for a
 * reader's glossary and in tests) into a few typed arrays on one ArrayBuffer, so a page decodes
 * them without rebuilding anything: the index reaches a page as one packaged file, index.bin (ADR 0002).
 *
 * The alias trie is a radix tree over folded UTF-16 code units (chains of single-child states are
 * one node whose edge is a run of characters), numbered breadth-first so the children of node v
 * are the nodes firstChild[v] .. firstChild[v + 1] - 1, sorted by their first character. Every
 * state at depth 1 and 2 is a node of its own, so the page can index them directly (root, root2).
 * Alias rules travel as flat arrays (entity, flags per alias; the aliases of each distinct folded
 * key), strings as one string and offsets into it.
 */
import type { EntityType } from '../dataset/validate';
import { codeTables, foldAlias } from '../text/normalize';
import { FLAG_NO_BOUNDARY, type TermIndex } from './term-index';
import { COMPILED_VERSION, encodeTables, toBase64 } from './index-file';

export type CompiledTables = {
  /** Children of node v: firstChild[v] .. firstChild[v + 1] - 1 (length nodes + 1). */
  firstChild: Int32Array;
  /** First code unit of the edge into node v (0 for the root). */
  edge: Uint16Array;
  /** The rest of the edge into node v is pool[rest[v] .. rest[v + 1]) (length nodes + 1). */
  rest: Int32Array;
  pool: Uint16Array;
  /** Pattern (distinct folded alias) ending at node v, or -1. */
  terminal: Int32Array;
  /** Depth-2 node after two folded ASCII code units, (c1 << 7) | c2, or -1: the step nearly every walk takes. */
  root2: Int32Array;
  /** Nodes with more than WIDE children, ascending: the page gives each a direct ASCII row. */
  wide: Int32Array;
  /** Aliases of pattern p: patternAliases[patternStart[p] .. patternStart[p + 1]), in index order. */
  patternStart: Int32Array;
  patternAliases: Int32Array;
  /** 1 when any alias of pattern p needs no word boundary. */
  noBoundary: Uint8Array;
  aliasEntity: Int32Array;
  aliasFlags: Uint8Array;
  entityType: Uint8Array;
  /**
   * String k is the UTF-8 bytes stringStart[k] to stringStart[k + 1] of the strings: entity i's id at 2i,
   * its name at 2i + 1, alias a's text at 2E + a (empty: the entity's name). Byte offsets, so a page decodes
   * only the strings it needs, straight from the packaged file.
   */
  stringStart: Int32Array;
  /**
   * Every UTF-16 code unit's fold and classes (utils/text/normalize.ts `codeTables`), 65,536 each in the
   * packaged index, empty in a glossary's: with them a page compiles no Unicode regex and folds with one read.
   */
  fold: Uint16Array;
  kind: Uint8Array;
};

/** The compiled index as a page holds it: the packaged file decodes to this (ADR 0002). */
export type CompiledIndex = {
  v: typeof COMPILED_VERSION;
  types: EntityType[];
  /** All strings, one after another: as text in the payload, as the file's UTF-8 bytes when read from index.bin. */
  strings: string | Uint8Array;
  /** Aliases with a `context` rule: [alias, context entity indices]. */
  context: Array<[number, number[]]>;
  /** Aliases with a validity period: [alias, from, to], "" for an open end (optional: most indexes have none). */
  period?: Array<[number, string, string]>;
  /** Surnames several people share: [alias, related entity indices] (optional). */
  hints?: Array<[number, number[]]>;
  /**
   * The tables: base64 when sent as a message (Chromium's extension messaging would turn an
   * ArrayBuffer into `{}`), the bytes themselves when read from the packaged file (index.bin).
   */
  bin: string | Uint8Array;
};

/** Distinct folded alias keys, numbered in order of first appearance, and the aliases behind each. */
export function patternsOf(index: TermIndex): { keys: string[]; byPattern: number[][] } {
  const keys = new Map<string, number>();
  const byPattern: number[][] = [];
  for (let i = 0; i < index.aliases.length; i++) {
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

/** Depth up to which every trie state is a node (the page's root and root2 tables index them). */
const SPLIT_DEPTH = 2;
/** Nodes with more children than this get a direct ASCII row in the page ("the …", "new …": a few hundred nodes). */
export const WIDE = 8;

/** Compile the tables of an index: pure, the same at build time and at run time. */
export function compileTables(index: TermIndex): CompiledTables {
  const { keys, byPattern } = patternsOf(index);
  // Sorted by code unit: a key that is a prefix of others comes first, and siblings come out in order.
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const sorted = order.map((i) => keys[i]);
  const firstChild: number[] = [];
  const edge: number[] = [0];
  const rest: number[] = [0]; // the root's (empty) run
  const pool: number[] = [];
  const terminal: number[] = [-1];
  // Breadth-first: [lo, hi) keys sharing the node's `depth` first characters.
  type Item = { lo: number; hi: number; depth: number };
  const queue: Item[] = [{ lo: 0, hi: sorted.length, depth: 0 }];
  for (let q = 0; q < queue.length; q++) {
    let { lo } = queue[q];
    const { hi, depth } = queue[q];
    firstChild.push(edge.length);
    if (lo < hi && sorted[lo].length === depth) lo++; // the node's own key: marked terminal when the node was made
    while (lo < hi) {
      const c = sorted[lo].charCodeAt(depth);
      let end = lo + 1;
      while (end < hi && sorted[end].charCodeAt(depth) === c) end++;
      // Extend the edge while every key of the group goes on alike and none ends (a terminal is a node).
      let d = depth + 1;
      if (d > SPLIT_DEPTH) {
        const first = sorted[lo];
        const last = sorted[end - 1];
        while (d < first.length && first.charCodeAt(d) === last.charCodeAt(d)) d++;
      }
      edge.push(c);
      rest.push(pool.length);
      for (let k = depth + 1; k < d; k++) pool.push(sorted[lo].charCodeAt(k));
      terminal.push(sorted[lo].length === d ? order[lo] : -1);
      queue.push({ lo, hi: end, depth: d });
      lo = end;
    }
  }
  firstChild.push(edge.length);
  rest.push(pool.length);
  // Made here, not in every page: they cost a loop over thousands of nodes, run cold.
  const root2 = new Int32Array(128 * 128).fill(-1);
  for (let v = firstChild[0]; v < firstChild[1]; v++) {
    if (edge[v] >= 128) continue;
    for (let w = firstChild[v]; w < firstChild[v + 1]; w++) if (edge[w] < 128) root2[(edge[v] << 7) | edge[w]] = w;
  }
  const wide: number[] = [];
  for (let v = 1; v < edge.length; v++) if (firstChild[v + 1] - firstChild[v] > WIDE) wide.push(v);
  const patternStart = [0];
  const patternAliases: number[] = [];
  const noBoundary = new Uint8Array(byPattern.length);
  byPattern.forEach((list, p) => {
    for (const ai of list) {
      patternAliases.push(ai);
      if (index.aliases[ai].flags & FLAG_NO_BOUNDARY) noBoundary[p] = 1;
    }
    patternStart.push(patternAliases.length);
  });
  const types: EntityType[] = [];
  const entityType = new Uint8Array(index.entities.length);
  index.entities.forEach((e, i) => {
    let t = types.indexOf(e.type);
    if (t === -1) t = types.push(e.type) - 1;
    entityType[i] = t;
  });
  return {
    firstChild: Int32Array.from(firstChild),
    edge: Uint16Array.from(edge),
    rest: Int32Array.from(rest),
    pool: Uint16Array.from(pool),
    terminal: Int32Array.from(terminal),
    root2,
    wide: Int32Array.from(wide),
    patternStart: Int32Array.from(patternStart),
    patternAliases: Int32Array.from(patternAliases),
    noBoundary,
    aliasEntity: Int32Array.from(index.aliases, (a) => a.entity),
    aliasFlags: Uint8Array.from(index.aliases, (a) => a.flags),
    entityType,
    stringStart: new Int32Array(0),
    fold: new Uint16Array(0),
    kind: new Uint8Array(0),
  };
}

/** The whole index as the page receives it: tables, strings, types and context rules. */
export function compileIndexPayload(index: TermIndex, options: { codeTables?: boolean } = {}): CompiledIndex {
  const tables = compileTables(index);
  if (options.codeTables) Object.assign(tables, codeTables());
  const types = [...new Set(index.entities.map((e) => e.type))];
  // compileTables numbers types in order of first appearance too.
  const parts: string[] = [];
  for (const e of index.entities) parts.push(e.id, e.name);
  for (const a of index.aliases) parts.push(a.text === index.entities[a.entity].name ? '' : a.text);
  const stringStart = new Int32Array(parts.length + 1);
  const utf8 = new TextEncoder();
  let at = 0;
  parts.forEach((s, k) => {
    stringStart[k] = at;
    at += utf8.encode(s).length;
  });
  stringStart[parts.length] = at;
  tables.stringStart = stringStart;
  const context: Array<[number, number[]]> = [];
  const period: Array<[number, string, string]> = [];
  const hints: Array<[number, number[]]> = [];
  index.aliases.forEach((a, i) => {
    if (a.context) context.push([i, a.context]);
    if (a.from || a.to) period.push([i, a.from ?? '', a.to ?? '']);
    if (a.hints) hints.push([i, a.hints]);
  });
  return {
    v: COMPILED_VERSION,
    types,
    strings: parts.join(''),
    context,
    ...(period.length > 0 ? { period } : {}),
    ...(hints.length > 0 ? { hints } : {}),
    bin: toBase64(encodeTables(tables)),
  };
}
