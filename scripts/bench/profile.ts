/**
 * npx tsx scripts/bench/profile.ts [page-key] [runs] — where the time of Backstory's scan goes, in headless
 * Chromium: the page engine (not minified) scans the page under the CDP Profiler, and the self time of
 * each function is printed, largest first. Pages as in the benchmark (article, words10k, text2mb).
 */
import { writeFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import type { Page } from 'playwright-core';
import { compileDataset } from '../compile-dataset';
import { launch } from '../lib/browsers';
import { serveFixtures } from '../lib/server';
import { generatePages } from './pages';
import { encodeIndexFile, toBase64 } from '../../utils/match/index-file';

/** The page engine's function that runs Backstory's scan. */
const ENTRY = 'backstory';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };

async function main() {
  const key = process.argv[2] ?? 'words10k';
  const runs = Number(process.argv[3] ?? 1);
  const dataset = compileDataset(process.env.BACKSTORY_DATA_DIR ?? 'data');
  const names = dataset.index.e.map((e) => e[2]).filter((n) => !/[<>&]/.test(n));
  const pages = generatePages('tests/fixtures/bench', names);
  const path = key === 'article' ? 'articles/putin-xi-beijing.html' : `bench/${pages[key].file}`;
  const bundle = await esbuild({ entryPoints: ['scripts/bench/page-engine.ts'], bundle: true, format: 'iife', write: false, minify: false, target: 'es2022' });
  const server = await serveFixtures('tests/fixtures');
  const session = await launch('chromium');
  const tab = (await session.newPage()) as unknown as Page;
  const payload = toBase64(encodeIndexFile(dataset.compiled));
  const self = new Map<string, number>();
  let total = 0;
  for (let run = 0; run < runs; run++) {
    await tab.goto(`${server.origin}/${path}`, { waitUntil: 'load' });
    await tab.addScriptTag({ content: bundle.outputFiles[0].text });
    await tab.evaluate((p) => (window as any).backstoryBench.setupBackstory(p), payload);
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    const r = await tab.evaluate(() => (window as any).backstoryBench.backstory());
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
    await cdp.detach();
    writeFileSync(`test-results/profile-${key}.cpuprofile`, JSON.stringify(profile));
    console.log(`run ${run}:`, JSON.stringify(r));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // Only samples taken inside the scan (under the engine's entry point), plus the VM's own work meanwhile.
    const inside = (id: number) => {
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) if (byId.get(x)!.callFrame.functionName === ENTRY) return true;
      return false;
    };
    let open = false;
    profile.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const fn = n.callFrame.functionName;
      const vm = fn === '(program)' || fn === '(garbage collector)';
      if (inside(id)) open = true;
      else if (!(open && vm)) {
        open = false;
        return;
      }
      const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? `:${n.callFrame.lineNumber}` : ''}`;
      const dt = profile.timeDeltas[i] / 1000;
      self.set(name, (self.get(name) ?? 0) + dt);
      total += dt;
    });
  }
  console.log(`\nself time over ${runs} run(s), ${total.toFixed(1)} ms sampled:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${ms.toFixed(2).padStart(9)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  await session.close();
  await server.close();
}

void main();
