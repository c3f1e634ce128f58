/**
 * Bundled by scripts/bench.ts and injected into benchmark pages: the four ways
 * of marking terms, measured inside the page. (b) runs the same modules the
 * extension ships (walk, matcher, page scan, highlighter).
 */
import Mark from 'mark.js';
import { Matcher } from '../../utils/match/matcher';
import { unpackIndex, type PackedIndex } from '../../utils/match/term-index';
import { PageScan } from '../../utils/scan/page-scan';
import { Highlighter } from '../../utils/dom/highlight';
import { walkBlocks } from '../../utils/dom/walk';

let matcher: Matcher | null = null;

function textNodes(): Text[] {
  const out: Text[] = [];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
  return out;
}

const api = {
  /** Start-up: parse the index as it arrives (a string), unpack, build the automaton. */
  async build(json: string) {
    const t0 = performance.now();
    const index = unpackIndex(JSON.parse(json) as PackedIndex);
    const t1 = performance.now();
    matcher = new Matcher(index);
    const t2 = performance.now();
    // The sliced builder the extension uses: total time, and its longest slice.
    let longest = 0;
    let last = performance.now();
    await Matcher.create(unpackIndex(JSON.parse(json) as PackedIndex), async () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      await new Promise((r) => setTimeout(r, 0));
      last = performance.now();
    });
    longest = Math.max(longest, performance.now() - last);
    return { parse: t1 - t0, build: t2 - t1, longestSlice: longest, aliases: index.aliases.length };
  },

  /** (a) The floor: read every text node once. */
  floor() {
    const t0 = performance.now();
    let chars = 0;
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) chars += (n as Text).data.length;
    return { ms: performance.now() - t0, chars };
  },

  /** (b) Backstory: walk, match, build ranges, register highlights. */
  async backstory() {
    if (!matcher) throw new Error('build first');
    const t0 = performance.now();
    const scan = new PageScan(matcher);
    await scan.scan(document.body, { yielder: () => Promise.resolve(), sliceMs: 1e9 });
    const t1 = performance.now();
    const ranges = [...scan.records].map((r) => r.range);
    new Highlighter(window, Infinity).mark(ranges, 'dotted');
    const t2 = performance.now();
    return { ms: t2 - t0, scan: t1 - t0, highlight: t2 - t1, marks: ranges.length };
  },

  /** Diagnostics: the walk alone, and the walk plus matching without ranges. */
  parts() {
    const t0 = performance.now();
    let blocks = 0;
    for (const b of walkBlocks(document.body)) blocks += b.text.length > 0 ? 1 : 0;
    const t1 = performance.now();
    let cands = 0;
    for (const b of walkBlocks(document.body)) cands += matcher!.find(b.text).length;
    const t2 = performance.now();
    return { walk: t1 - t0, walkFind: t2 - t1, blocks, cands };
  },

  /** (c) mark.js: wraps every match in an element, walking the DOM once per keyword. */
  markjs(aliases: string[]) {
    const t0 = performance.now();
    let marks = 0;
    new Mark(document.body).mark(aliases, {
      separateWordSearch: false,
      accuracy: { value: 'exactly', limiters: [',', '.', ';', ':', '?', '!', "'", '’', '"', '(', ')'] },
      diacritics: false,
      exclude: ['script', 'style', 'textarea', 'code', 'pre'],
      each: () => void marks++,
    });
    return { ms: performance.now() - t0, marks };
  },

  /** (d) One case-insensitive alternation with Unicode boundaries, per text node, same highlights. */
  regex(aliases: string[]) {
    const t0 = performance.now();
    const escaped = [...aliases].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    const ranges: Range[] = [];
    for (const node of textNodes()) {
      re.lastIndex = 0;
      for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        ranges.push(r);
      }
    }
    new Highlighter(window, Infinity).mark(ranges, 'dotted');
    return { ms: performance.now() - t0, marks: ranges.length };
  },
};

(window as unknown as { backstoryBench: typeof api }).backstoryBench = api;
