/**
 * npx tsx scripts/bench/ab.ts <old-tree> [runs] — Backstory's scan, this tree against an older one (a
 * checkout whose scripts/bench/page-engine.ts has `setupBackstory(packed index JSON)`), interleaved in one
 * headless Chromium without the extension, each scan on a fresh page load after its setup. Separate runs
 * of the whole benchmark on a shared machine differ more than the engines do; this compares them side by
 * side. Writes docs/bench/ab.json, which scripts/bench/docs.ts puts into ADR 0002.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { compileDataset } from '../compile-dataset';
import { findBrowser } from '../lib/find-browsers';
import { serveFixtures } from '../lib/server';
import { generatePages } from './pages';
import { encodeIndexFile, toBase64 } from '../../utils/match/index-file';

export type AB = {
  date: string;
  load: [number, number];
  runs: number;
  old: string;
  pages: Array<{ key: string; label: string; old: number[]; new: number[]; regex: number[] }>;
};

async function main() {
  const oldTree = resolve(process.argv[2] ?? '');
  const runs = Number(process.argv[3] ?? 9);
  const loadAtStart = loadavg()[0];
  const dataset = compileDataset('data');
  const names = dataset.index.e.map((e) => e[2]).filter((n) => !/[<>&]/.test(n));
  const pages = generatePages('tests/fixtures/bench', names);
  const aliases = dataset.index.a.map(([text, e]) => (text === '' ? dataset.index.e[e][2] : text));
  const bundle = async (entry: string) =>
    (
      await esbuild({
        entryPoints: [entry],
        bundle: true,
        format: 'iife',
        write: false,
        minify: true,
        target: 'es2022',
        absWorkingDir: resolve(entry, '../../..'),
      })
    ).outputFiles[0].text;
  const engines = { old: await bundle(`${oldTree}/scripts/bench/page-engine.ts`), new: await bundle(resolve('scripts/bench/page-engine.ts')) };
  const payloads = { old: JSON.stringify(dataset.index), new: toBase64(encodeIndexFile(dataset.compiled)) };
  const server = await serveFixtures('tests/fixtures');
  const browser = await chromium.launch({ executablePath: findBrowser('chromium'), args: ['--no-sandbox', '--disable-gpu'] });
  const tab = await browser.newPage();
  const list = [
    { key: 'article', label: 'longest fixture article', path: 'articles/putin-xi-beijing.html' },
    { key: 'words10k', label: `generated article (${pages.words10k.words.toLocaleString('en')} words)`, path: `bench/${pages.words10k.file}` },
    { key: 'text2mb', label: `generated page (${(pages.text2mb.chars / 1e6).toFixed(2)} MB text)`, path: `bench/${pages.text2mb.file}` },
  ];
  const out: AB = { date: new Date().toISOString(), load: [loadAtStart, 0], runs, old: process.argv[2] ?? '', pages: [] };
  let nonce = 0;
  for (const p of list) {
    const row = { key: p.key, label: p.label, old: [] as number[], new: [] as number[], regex: [] as number[] };
    for (let run = 0; run < runs; run++) {
      for (const which of run % 2 === 0 ? (['old', 'new', 'regex'] as const) : (['regex', 'new', 'old'] as const)) {
        await tab.goto(`${server.origin}/${p.path}`, { waitUntil: 'load' });
        await tab.addScriptTag({ content: which === 'old' ? engines.old : engines.new });
        if (which === 'regex') {
          await tab.evaluate(([a, n]) => (window as any).backstoryBench.setupRegex(a, n), [aliases, `ab${nonce++}`] as const);
          row.regex.push((await tab.evaluate(() => (window as any).backstoryBench.regex())).ms);
        } else {
          await tab.evaluate((x) => (window as any).backstoryBench.setupBackstory(x), payloads[which] as unknown);
          row[which].push((await tab.evaluate(() => (window as any).backstoryBench.backstory())).ms);
        }
      }
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    console.log(`${p.label}: old ${med(row.old).toFixed(2)} ms, new ${med(row.new).toFixed(2)} ms, regex ${med(row.regex).toFixed(2)} ms`);
    out.pages.push(row);
  }
  out.load[1] = loadavg()[0];
  await browser.close();
  await server.close();
  writeFileSync('docs/bench/ab.json', `${JSON.stringify(out, null, 2)}\n`);
  console.log('Wrote docs/bench/ab.json');
}

void main();
