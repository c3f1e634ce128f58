/**
 * npm run bench — Backstory against the floor and the usual ways of marking terms, with the code
 * the extension ships and the full dataset; then Backstory inside its real content script in
 * Chromium and Firefox, and the budgets (scripts/bench/budgets.ts).
 * Writes docs/bench/results.{json,md} and docs/bench/chart.svg
 * (with --quick: fewer runs, small subsets, output in test-results/bench; used by CI to prove it runs).
 *
 * Like with like: every method's setup (Backstory: decode the compiled index and lay the matcher
 * over it; the regex: build and compile the alternation) is timed apart from its scan, first in a
 * fresh page (cold; the regex source is unique per page, so V8's regexp cache cannot hide the
 * compile) and again in the same page (warm). Each scan runs on a fresh page load, after setup.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { execSync } from 'node:child_process';
import { build as esbuild } from 'esbuild';
import type { Page } from 'playwright-core';
import { ExtensionPage } from './lib/extension-page';
import { compileDataset } from './compile-dataset';
import { launch } from './lib/browsers';
import { reportSetupError } from './lib/find-browsers';
import { measureBudgets, type Budget } from './bench/budgets';
import { serveFixtures } from './lib/server';
import { generateFramePages, generatePages } from './bench/pages';
import { CONTENT_METHOD, HOVER_METHOD, measureContentScript, type ContentScriptResults } from './bench/extension';
import { grownIndex } from './bench/synthetic';
import { renderChart, renderMarkdown, type BenchResults } from './bench/report';
import { writeDocs } from './bench/docs';
import { compileIndexPayload } from '../utils/match/compiled';
import { encodeIndexFile, toBase64 } from '../utils/match/index-file';
import { unpackIndex } from '../utils/match/term-index';

const quick = process.argv.includes('--quick');
/** Exit 1 when a budget is missed (without it the benchmark reports and exits 0). */
const strict = process.argv.includes('--strict');
/** --only=methods|content|budgets: run one part and print it, writing nothing (for working on one figure). */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? (quick ? 1 : 5));
/** mark.js walks the DOM once per keyword: it runs on a random sample of aliases, stated with its result. */
const MARKJS_SAMPLE = quick ? 20 : 200;
const MARKJS_SEED = 20261207;
/** Entities of the grown index the start-up is also measured with (the dataset is heading there). */
const GROWN = 12_000;
const OUT = quick ? 'test-results/bench' : 'docs/bench';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function dirSize(dir: string): number {
  let total = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const st = statSync(p);
    total += st.isDirectory() ? dirSize(p) : st.size;
  }
  return total;
}

type Engine = {
  setupBackstory(p: unknown): { ms: number };
  decodeOnly(p: unknown): { ms: number };
  setupRegex(a: string[], nonce: string): { ms: number };
  floor(): { ms: number };
  backstory(): { ms: number; scan: number; highlight: number; marks: number };
  regex(): { ms: number; marks: number };
  markjs(a: string[]): { ms: number; marks: number };
};
declare const backstoryBench: Engine;

async function main() {
  const loadAtStart = loadavg()[0];
  const dataset = compileDataset(process.env.BACKSTORY_DATA_DIR ?? 'data');
  // What a page starts from: the packaged index file's bytes (handed to the page as base64, decoded before timing).
  const indexFile = encodeIndexFile(dataset.compiled);
  const payload = toBase64(indexFile);
  const grownFile = encodeIndexFile(compileIndexPayload(grownIndex(unpackIndex(dataset.index), GROWN), { codeTables: true }));
  const grown = toBase64(grownFile);
  const aliases = dataset.index.a.map(([text, e]) => (text === '' ? dataset.index.e[e][2] : text));
  const markjsAliases = shuffle(aliases, MARKJS_SEED).slice(0, MARKJS_SAMPLE);
  const names = dataset.index.e.map((e) => e[2]).filter((n) => !/[<>&]/.test(n));
  const pages = generatePages('tests/fixtures/bench', names);
  const framePages = generateFramePages('tests/fixtures/bench', names, 20);
  const bundle = await esbuild({ entryPoints: ['scripts/bench/page-engine.ts'], bundle: true, format: 'iife', write: false, minify: true, target: 'es2022' });
  const engine = bundle.outputFiles[0].text;

  const server = await serveFixtures('tests/fixtures');
  const session = await launch('chromium');
  const ext = await session.openExtensionPage('popup.html?tab=0');
  await new ExtensionPage(ext).setSettings({ enabled: false });

  const pageList = [
    { key: 'article', label: 'longest fixture article', path: 'articles/putin-xi-beijing.html' },
    { key: 'words10k', label: `generated article (${pages.words10k.words.toLocaleString('en')} words)`, path: `bench/${pages.words10k.file}` },
    { key: 'text2mb', label: `generated page (${(pages.text2mb.chars / 1e6).toFixed(2)} MB text)`, path: `bench/${pages.text2mb.file}` },
  ];

  // 1. The methods in a page, interleaved, each on a fresh load, the extension switched off.
  const methods = ['floor', 'backstory', 'regex'] as const;
  type M = (typeof methods)[number];
  const times: Record<string, Record<M | 'markjs', number[]>> = {};
  const setup: Record<string, Record<'backstory' | 'regex', { cold: number[]; warm: number[] }>> = {};
  const marks: Record<string, Partial<Record<M | 'markjs', number>>> = {};
  const grownSetup: number[] = [];
  const decode: number[] = [];
  const tab = (await session.newPage()) as unknown as Page;
  let nonce = 0;
  const load = async (path: string) => {
    await tab.goto(`${server.origin}/${path}`, { waitUntil: 'load' });
    await tab.addScriptTag({ content: engine });
  };
  for (const p of only && only !== 'methods' ? [] : pageList) {
    times[p.key] = { floor: [], backstory: [], regex: [], markjs: [] };
    setup[p.key] = { backstory: { cold: [], warm: [] }, regex: { cold: [], warm: [] } };
    marks[p.key] = {};
    for (let run = 0; run < RUNS; run++) {
      for (const m of shuffle([...methods], run * 7 + p.key.length)) {
        await load(p.path);
        let r: { ms: number; marks?: number };
        if (m === 'floor') r = await tab.evaluate(() => backstoryBench.floor());
        else if (m === 'backstory') {
          setup[p.key].backstory.cold.push((await tab.evaluate((x) => backstoryBench.setupBackstory(x), payload)).ms);
          setup[p.key].backstory.warm.push((await tab.evaluate((x) => backstoryBench.setupBackstory(x), payload)).ms);
          r = await tab.evaluate(() => backstoryBench.backstory());
        } else {
          const n = `n${nonce++}x${Date.now()}`;
          setup[p.key].regex.cold.push((await tab.evaluate(([a, k]) => backstoryBench.setupRegex(a, k), [aliases, n] as const)).ms);
          setup[p.key].regex.warm.push((await tab.evaluate(([a, k]) => backstoryBench.setupRegex(a, k), [aliases, n] as const)).ms);
          r = await tab.evaluate(() => backstoryBench.regex());
        }
        times[p.key][m].push(r.ms);
        if (r.marks !== undefined) marks[p.key][m] = r.marks;
      }
      if (p.key === 'article') {
        await load(p.path);
        grownSetup.push((await tab.evaluate((x) => backstoryBench.setupBackstory(x), grown)).ms);
        await load(p.path);
        decode.push((await tab.evaluate((x) => backstoryBench.decodeOnly(x), payload)).ms);
      }
    }
    // mark.js: its own runs, on the stated sample (fewer on the 2 MB page: one run there takes tens of seconds).
    for (let run = 0; run < (p.key === 'text2mb' ? Math.min(RUNS, 3) : RUNS); run++) {
      await load(p.path);
      const r = await tab.evaluate((a) => backstoryBench.markjs(a), markjsAliases);
      times[p.key].markjs.push(r.ms);
      marks[p.key].markjs = r.marks;
    }
    const t = times[p.key];
    const s = setup[p.key];
    console.log(
      `${p.label}: floor ${median(t.floor).toFixed(2)} ms; backstory setup ${median(s.backstory.cold).toFixed(2)} cold / ${median(s.backstory.warm).toFixed(2)} warm, scan ${median(t.backstory).toFixed(2)} ms; regex setup ${median(s.regex.cold).toFixed(1)} cold / ${median(s.regex.warm).toFixed(1)} warm, scan ${median(t.regex).toFixed(2)} ms; mark.js (${MARKJS_SAMPLE} aliases) ${median(t.markjs).toFixed(1)} ms`,
    );
  }
  if (grownSetup.length > 0)
    console.log(
      `setup with the index grown to ${GROWN.toLocaleString('en')} entities: ${median(grownSetup).toFixed(2)} ms cold (median of ${grownSetup.length})`,
    );
  await new ExtensionPage(ext).setSettings({});
  await session.close();
  if (only === 'methods') return server.close();

  // 2. The real content script in both browsers.
  const articles = readdirSync('tests/fixtures/articles')
    .filter((f) => f.endsWith('.html'))
    .map((f) => `articles/${f}`);
  const content: Partial<Record<'chromium' | 'firefox', ContentScriptResults>> = {};
  for (const b of only && only !== 'content' ? [] : (['chromium', 'firefox'] as const)) {
    content[b] = await measureContentScript(b, server, [...pageList, { key: 'words10kLayout', path: `bench/${pages.words10kLayout.file}` }], {
      runs: RUNS,
      hoverTargets: ['Belt and Road Initiative', 'Sputnik V', 'Shanghai Cooperation Organisation', 'Gazprom', 'Weibo'],
      framePages: { ...framePages, frames: 20 },
      heapPage: `bench/${pages.words10k.file}`,
      articles,
      tabs: quick ? 5 : 20,
    });
  }

  if (only === 'content') return server.close();
  // 3. Budgets in both browsers, each with its own browser (Firefox with the Gecko profiler running).
  const budgets: Budget[] = [];
  for (const b of ['chromium', 'firefox'] as const) {
    const got = await measureBudgets(b, server, quick);
    for (const x of got) console.log(`${b}: ${x.name}: ${x.measured.toFixed(x.unit === 'MB' ? 2 : 0)} ${x.unit} (${x.limit}) ${x.pass ? 'pass' : 'FAIL'}`);
    budgets.push(...got);
  }
  await server.close();
  if (only) return;

  // 4. Sizes.
  execSync('npx wxt zip', { stdio: 'ignore' });
  const zips = readdirSync('.output').filter((f) => f.endsWith('-chrome.zip'));
  const files = ['content-scripts/content.js', 'background.js'].map((f) => ({ file: f, bytes: statSync(`.output/chrome-mv3/${f}`).size }));
  const popupJs = readdirSync('.output/chrome-mv3/chunks').filter((f) => f.startsWith('popup'));
  for (const f of popupJs) files.push({ file: `chunks/${f}`, bytes: statSync(`.output/chrome-mv3/chunks/${f}`).size });

  const cs = content.chromium!;
  const ff = content.firefox!;
  const toStat = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
  const results: BenchResults = {
    date: new Date().toISOString(),
    load: [loadAtStart, loadavg()[0]],
    runs: RUNS,
    machine: `${execSync('nproc').toString().trim()} cores, Chromium ${execSync(`"${process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium'}" --version`)
      .toString()
      .trim()
      .replace(/^Chromium /, '')} and Firefox headless`,
    dataset: { entities: dataset.meta.entities, aliases: dataset.meta.aliases },
    markjsSubset: MARKJS_SAMPLE,
    markjs: { sample: MARKJS_SAMPLE, seed: MARKJS_SEED, of: aliases.length },
    pages: pageList.map((p) => ({
      key: p.key,
      label: p.label,
      methods: Object.fromEntries(
        ([...methods, 'markjs'] as const).map((m) => [m, { ...toStat(times[p.key][m]), marks: marks[p.key][m] }]),
      ) as BenchResults['pages'][number]['methods'],
      setup: {
        backstory: { cold: toStat(setup[p.key].backstory.cold), warm: toStat(setup[p.key].backstory.warm) },
        regex: { cold: toStat(setup[p.key].regex.cold), warm: toStat(setup[p.key].regex.warm) },
      },
    })),
    startup: {
      // The content script in Chromium, on the longest fixture article.
      transfer: cs.pages.article.transfer.median,
      // Nothing is parsed any more: this is the decode of the file (head, strings, typed-array views), cold, in a page.
      parse: median(decode),
      build: cs.pages.article.matcher.median,
      ready: cs.pages.article.ready.median,
      firefox: { transfer: ff.pages.article.transfer.median, build: ff.pages.article.matcher.median, ready: ff.pages.article.ready.median },
      pageSetup: { cold: median(pageListSetup(setup, 'cold')), warm: median(pageListSetup(setup, 'warm')) },
      indexBytes: indexFile.length,
      grown: { entities: GROWN, bytes: grownFile.length, setupCold: toStat(grownSetup) },
    },
    contentScript: { method: CONTENT_METHOD, chromium: cs, firefox: ff },
    hoverToCard: {
      median: cs.hover.median,
      max: cs.hover.max,
      ready: cs.hoverReady,
      firefox: { median: ff.hover.median, max: ff.hover.max, ready: ff.hoverReady },
      method: HOVER_METHOD,
    },
    heapBytes: cs.heap ? cs.heap.on - cs.heap.off : undefined,
    frames: cs.frames,
    tabs: cs.tabs,
    bundles: files,
    packageBytes: zips.length ? statSync(`.output/${zips[0]}`).size : dirSize('.output/chrome-mv3'),
    budgets,
  };
  // The budgets measured above, beside the per-browser ones from budgets.ts.
  const content_ = files.find((f) => f.file === 'content-scripts/content.js')!.bytes / 1024;
  const pageMethod = 'Chromium headless, page-side timing of the shipped modules (scripts/bench/page-engine.ts), setup excluded';
  const add: Budget[] = [];
  for (const [b, r] of [
    ['chromium', cs],
    ['firefox', ff],
  ] as const) {
    const a = r.pages.article;
    if (r.startupBusy) {
      add.push({
        browser: b,
        name: 'start-up: main-thread time, content script start to matcher ready',
        measured: r.startupBusy.median,
        unit: 'ms',
        limit: '≤ 16 ms (one frame)',
        pass: r.startupBusy.median <= 16,
        method: r.startupBusy.method,
      });
    } else {
      // No trace in Firefox: the wall time from the index request to the matcher ready bounds the main-thread
      // time (the round trip waits on other processes meanwhile).
      add.push({
        browser: b,
        name: 'start-up: index transfer + decode + build, wall time (bounds the main-thread time)',
        measured: a.transfer.median + a.matcher.median,
        unit: 'ms',
        limit: '≤ 16 ms (one frame)',
        pass: a.transfer.median + a.matcher.median <= 16,
        method: CONTENT_METHOD,
      });
    }
    add.push({
      browser: b,
      name: 'index decode and build, one task',
      measured: a.matcher.median,
      unit: 'ms',
      limit: '< 50 ms',
      pass: a.matcher.median < 50,
      method: CONTENT_METHOD,
    });
    const lay = r.pages.words10kLayout;
    if (lay?.scope && lay.scan.median > 0) {
      const share = (100 * lay.scope.median) / lay.scan.median;
      add.push({
        browser: b,
        name: 'finding the article, share of the scan: 10,000-word article in a news-site layout',
        measured: share,
        unit: '%',
        limit: '< 10 %',
        pass: share < 10,
        method: `${CONTENT_METHOD}; scope = planScope (ADR 0003), scan = scope + walk + match + ranges, medians`,
      });
    }
    add.push({
      browser: b,
      name: 'hover to painted card after the dwell (max)',
      measured: r.hover.max,
      unit: 'ms',
      limit: '≤ 16.7 ms (one frame)',
      pass: r.hover.max <= 16.7,
      method: HOVER_METHOD,
    });
  }
  const w10 = results.pages.find((p) => p.key === 'words10k')!.methods.backstory.median;
  add.push({
    browser: 'chromium',
    name: 'scan of the 10,000-word article (walk, match, ranges, highlights)',
    measured: w10,
    unit: 'ms',
    limit: '≤ 5 ms',
    pass: w10 <= 5,
    method: pageMethod,
  });
  for (const p of results.pages) {
    const ratio = p.methods.regex.median / p.methods.backstory.median;
    add.push({
      browser: 'chromium',
      name: `regex alternation ÷ Backstory, scan, ${p.label}`,
      measured: ratio,
      unit: '×',
      limit: '≥ 2×',
      pass: ratio >= 2,
      method: pageMethod,
    });
  }
  if (cs.heap)
    add.push({
      browser: 'chromium',
      name: 'JS heap added, 10,000-word article',
      measured: (cs.heap.on - cs.heap.off) / 1e6,
      unit: 'MB',
      limit: '≤ 10 MB',
      pass: cs.heap.on - cs.heap.off <= 10e6,
      method: 'CDP Runtime.getHeapUsage after a GC, extension on minus off',
    });
  if (cs.frames)
    add.push({
      browser: 'chromium',
      name: `${cs.frames.frames} cross-origin iframes, Backstory's extra main-thread time`,
      measured: cs.frames.extra.median,
      unit: 'ms',
      limit: '≤ 2 ms',
      pass: cs.frames.extra.median <= 2,
      method: cs.frames.method,
    });
  if (cs.tabs)
    add.push({
      browser: 'chromium',
      name: `memory added per article tab (${cs.tabs.tabs} tabs)`,
      measured: cs.tabs.perTab / 1e6,
      unit: 'MB',
      limit: '≤ 5 MB',
      pass: cs.tabs.perTab <= 5e6,
      method: cs.tabs.method,
    });
  add.push({
    browser: 'chromium',
    name: 'content script bundle',
    measured: content_,
    unit: 'KB',
    limit: '≤ 300 KB',
    pass: content_ <= 300,
    method: 'size of .output/chrome-mv3/content-scripts/content.js',
  });
  budgets.unshift(...add);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/results.json`, `${JSON.stringify(results, null, 2)}\n`);
  const md = renderMarkdown(results);
  writeFileSync(`${OUT}/results.md`, md);
  writeFileSync(`${OUT}/chart.svg`, renderChart(results));
  console.log(`\n${md}`);
  console.log(`Wrote ${OUT}/results.json, results.md and chart.svg`);
  // The ADR's and the README's numbers come from the results file, never by hand.
  if (!quick) writeDocs(`${OUT}/results.json`, `${OUT}/before.json`);
  const missed = budgets.filter((b) => !b.pass);
  if (missed.length > 0) console.log(`${missed.length} budget(s) missed${strict ? '' : ' (pass --strict to fail on a miss)'}.`);
  if (strict && missed.length > 0) process.exit(1);
}

function pageListSetup(setup: Record<string, Record<'backstory' | 'regex', { cold: number[]; warm: number[] }>>, k: 'cold' | 'warm'): number[] {
  return Object.values(setup).flatMap((s) => s.backstory[k]);
}

main().catch(reportSetupError);
