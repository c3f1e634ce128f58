/**
 * Bundled by scripts/bench.ts and injected into benchmark pages: the ways of marking terms,
 * measured inside the page, each in two steps timed apart:
 *  - setup (Backstory: decode the packaged index file's bytes and lay the matcher over it;
 *    the regex: build the alternation and compile it), first in the page (cold) and again (warm);
 *  - scan: walk, match, build ranges, register highlights, with what setup made.
 * Backstory's scan runs the modules the extension ships (walk, matcher, page scan, highlighter).
 */
import Mark from 'mark.js';
import { decodeIndexFile, decodeTables, fromBase64 } from '../../utils/match/index-file';
import { Matcher } from '../../utils/match/matcher';
import { PageScan } from '../../utils/scan/page-scan';
import { Highlighter } from '../../utils/dom/highlight';
import { walkBlocks } from '../../utils/dom/walk';

let matcher: Matcher | null = null;
let regex: RegExp | null = null;

function textNodes(): Text[] {
  const out: Text[] = [];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
  return out;
}

/** Two-byte and one-byte subjects: V8 compiles a regex per string representation, at its first runs. */
const WARM_UP = ['a', 'a', 'a', 'é’', 'é’', 'é’'];

const api = {
  /**
   * Backstory's setup: what the content script does with the bytes of the packaged index file (handed in
   * as base64, turned into the ArrayBuffer a fetch gives before the clock starts).
   */
  async setupBackstory(file: string) {
    const bytes = fromBase64(file).buffer as ArrayBuffer;
    const t0 = performance.now();
    matcher = await Matcher.create(decodeIndexFile(bytes));
    const t1 = performance.now();
    return { ms: t1 - t0, entities: matcher.entityCount };
  },

  /** The decode alone (head and strings, the tables' views): what replaced parsing the index. */
  decodeOnly(file: string) {
    const bytes = fromBase64(file).buffer as ArrayBuffer;
    const t0 = performance.now();
    const index = decodeIndexFile(bytes);
    const t = decodeTables(typeof index.bin === 'string' ? fromBase64(index.bin) : index.bin);
    return { ms: performance.now() - t0, nodes: t.edge.length };
  },

  /**
   * The regex's setup: escape, sort, join, compile, and run it on one- and two-byte subjects so
   * V8 has compiled it to native code for both (it compiles lazily, at the first runs). `nonce`
   * makes the source unique to this page: V8 caches compiled patterns by source in a renderer,
   * and a cache hit is not what a first page pays.
   */
  setupRegex(aliases: string[], nonce: string) {
    const t0 = performance.now();
    const escaped = [...aliases].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')}|\\uE000${nonce})(?![\\p{L}\\p{N}])`, 'giu');
    for (const s of WARM_UP) {
      regex.lastIndex = 0;
      regex.exec(s);
    }
    return { ms: performance.now() - t0 };
  },

  /** (a) The floor: visit every text node, read its data and every character of it once. */
  floor() {
    const t0 = performance.now();
    let chars = 0;
    let sum = 0;
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const data = (n as Text).data;
      for (let i = 0; i < data.length; i++) sum = (sum + data.charCodeAt(i)) | 0;
      chars += data.length;
    }
    return { ms: performance.now() - t0, chars, sum };
  },

  /** (b) Backstory: walk, match, rules, ranges, highlights for every mention, in one go. */
  async backstory() {
    if (!matcher) throw new Error('set up first');
    const t0 = performance.now();
    const scan = new PageScan(matcher);
    await scan.scan(document.body, { yielder: () => Promise.resolve(), sliceMs: 1e9 });
    const t1 = performance.now();
    const records = [...scan.records];
    new Highlighter(window, Infinity).mark(records, 'dotted');
    const t2 = performance.now();
    return { ms: t2 - t0, scan: t1 - t0, highlight: t2 - t1, marks: records.length };
  },

  /** Diagnostics for profiling (scripts/bench/profile.ts): the walk alone, or the walk and the matcher on every block text. */
  parts(kind: 'walk' | 'find') {
    if (!matcher) throw new Error('set up first');
    const t0 = performance.now();
    let n = 0;
    let text = '';
    for (const b of walkBlocks(document.body)) {
      if (kind === 'walk') n += b.nodes.length;
      else if ((text = text ? `${text}\uffff${b.text}` : b.text).length > 16384) {
        n += matcher.find(text).length;
        text = '';
      }
    }
    if (text) n += matcher.find(text).length;
    return { ms: performance.now() - t0, n };
  },

  /** (d) The alternation, per text node, same ranges and highlights. */
  regex() {
    const re = regex;
    if (!re) throw new Error('set up first');
    const t0 = performance.now();
    const ranges: Range[] = [];
    for (const node of textNodes()) {
      const data = node.data;
      re.lastIndex = 0;
      for (let m = re.exec(data); m; m = re.exec(data)) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        ranges.push(r);
      }
    }
    new Highlighter(window, Infinity).mark(
      ranges.map((range) => ({ range })),
      'dotted',
    );
    return { ms: performance.now() - t0, marks: ranges.length };
  },

  /** (c) mark.js: wraps every match in an element, walking the DOM once per keyword; no separate setup. */
  markjs(aliases: string[]) {
    const t0 = performance.now();
    let marks = 0;
    new Mark(document.body).mark(aliases, {
      separateWordSearch: false,
      accuracy: { value: 'exactly', limiters: [',', '.', ';', ':', '?', '!', "'", '’', '"', '(', ')'] },
      diacritics: false,
      exclude: ['script', 'style', 'textarea', 'code', 'pre'],
      each: () => {
        marks++;
      },
    });
    return { ms: performance.now() - t0, marks };
  },
};

(window as unknown as { backstoryBench: typeof api }).backstoryBench = api;
