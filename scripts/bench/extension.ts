/**
 * Backstory measured inside the real content script, in Chromium and Firefox: the script times its
 * own start-up, scan, marking and cards (utils/page/timings.ts) and the benchmark reads them back
 * with the `timings` message through an extension page. Chromium also gets the cost of 20
 * cross-origin iframes (from a trace) and the memory of 20 article tabs (from the processes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { ExtensionPage } from '../lib/extension-page';
import type { Page } from 'playwright-core';
import { launch, type AnyPage, type BrowserName, type Session } from '../lib/browsers';
import { centreOfText } from '../lib/page-text';
import { waitIdle } from '../lib/status';
import type { FixtureServer } from '../lib/server';
import { launchUnattached, type UnattachedChromium } from '../lib/raw-chromium';
import { RELEASE_AFTER_MS } from '../../utils/page/work-tracker';
import type { Timing } from '../../utils/page/timings';

export type Stat = { median: number; min: number; max: number; n: number };
export const stat = (xs: number[]): Stat => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? NaN, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, n: s.length };
};
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export type ContentScriptResults = {
  browser: BrowserName;
  /** Per page: start-up (transfer, matcher, ready) and the sliced scan and marking, as the content script timed them. */
  /** `scope`: finding the article (ADR 0003), part of `scan`; absent in results from before it was timed. */
  pages: Record<string, { transfer: Stat; matcher: Stat; ready: Stat; scan: Stat; mark: Stat; scope?: Stat }>;
  hover: Stat;
  /** From the dwell's end to the card rendered and placed (our work; `hover` adds the wait for the browser's frame and its paint). */
  hoverReady?: Stat;
  /** `fullScript`: how many more times the full content script was evaluated with the frames than without (the frame gate's effect). */
  /** `extra` = `inFrames` (our scripts in the subframes) + `check` (the top frame checking its frames); the wall-time totals beside them for reference. */
  frames?: { extra: Stat; inFrames?: Stat; check?: Stat; withFrames: Stat; without: Stat; frames: number; method: string; fullScript?: Stat };
  tabs?: {
    perTab: number;
    on: number;
    off: number;
    tabs: number;
    method: string;
    /** The same, once every tab had reported idle (before any let its index go). */
    perTabLoaded?: number;
    onLoaded?: number;
    /** Settled, per tab, by kind of process (browser, renderer, extension, gpu-process, utility, zygote). */
    byProcess?: Record<string, number>;
  };
  /**
   * Chromium: main-thread busy time from the content script's start to its matcher being ready
   * (every task on the page's main thread in that window, from a trace), longest fixture article.
   */
  startupBusy?: Stat & { method: string };
  /** The same, traced through the Playwright session (a DevTools client attached to the page): for reference. */
  startupBusyAttached?: Stat & { method: string };
  /** Chromium: JS heap of the 10,000-word article's renderer after a GC, Backstory on and off. */
  heap?: { on: number; off: number };
};

export const CONTENT_METHOD =
  "the content script's own performance.now() around each step (utils/page/timings.ts), read back with the `timings` message; default settings except where: all";
export const HOVER_METHOD =
  'content script: from the dwell timer firing (hover delay 0) to a message posted from the requestAnimationFrame callback of the frame that shows the card, which runs once that frame is rendered';

const setSettings = (probe: AnyPage, value: Record<string, unknown>) => new ExtensionPage(probe).setSettings(value);

/** The content script's timings in the top frame of the tab showing `url`. */
const timingsOf = (probe: AnyPage, url: string) => new ExtensionPage(probe).timingsOf(url);

const last = (ts: Timing[], name: string) => ts.filter((t) => t.name === name).pop()?.duration;

export async function measureContentScript(
  browser: BrowserName,
  server: FixtureServer,
  pages: Array<{ key: string; path: string }>,
  opts: {
    runs: number;
    hoverTargets: string[];
    heapPage?: string;
    framePages?: { withFrames: string; without: string; frames: number };
    articles?: string[];
    tabs?: number;
  },
): Promise<ContentScriptResults> {
  const session = await launch(browser);
  const probe = await session.openExtensionPage('popup.html?tab=0');
  await setSettings(probe, { where: 'all' });
  const out: ContentScriptResults = { browser, pages: {}, hover: stat([]) };
  for (const p of pages) {
    const got: Record<'transfer' | 'matcher' | 'ready' | 'scan' | 'mark' | 'scope', number[]> = {
      transfer: [],
      matcher: [],
      ready: [],
      scan: [],
      mark: [],
      scope: [],
    };
    for (let run = 0; run < opts.runs; run++) {
      const page = await session.newPage();
      await page.goto(`${server.origin}/${p.path}`, { waitUntil: 'load' });
      await waitIdle(probe, page, -1, 60_000);
      const url = await page.evaluate(() => location.href, null);
      let ts: Timing[] = [];
      for (let i = 0; i < 50 && last(ts, 'mark') === undefined; i++) {
        ts = await timingsOf(probe, url);
        if (last(ts, 'mark') === undefined) await sleep(100);
      }
      for (const k of Object.keys(got) as Array<keyof typeof got>) {
        const v = last(ts, k);
        if (v !== undefined) got[k].push(v);
      }
      await page.close();
    }
    out.pages[p.key] = {
      transfer: stat(got.transfer),
      matcher: stat(got.matcher),
      ready: stat(got.ready),
      scan: stat(got.scan),
      mark: stat(got.mark),
      scope: stat(got.scope),
    };
    console.log(
      `${browser} content script, ${p.key}: ${JSON.stringify(Object.fromEntries(Object.entries(out.pages[p.key]).map(([k, s]) => [k, +s.median.toFixed(2)])))}`,
    );
  }

  // Hover to painted card, dwell 0.
  await setSettings(probe, { where: 'all', hoverDelay: 0 });
  const hover: number[] = [];
  const hoverReady: number[] = [];
  for (let i = 0; i < Math.max(3, opts.runs); i++) {
    const page = await session.newPage();
    await page.goto(`${server.origin}/articles/putin-xi-beijing.html`, { waitUntil: 'load' });
    await waitIdle(probe, page, -1, 60_000);
    const url = await page.evaluate(() => location.href, null);
    const box = await centreOfText(page, opts.hoverTargets[i % opts.hoverTargets.length]);
    if (box) {
      // Arrive as a reader does: close by first, then a short, slow last move onto the name.
      await page.mouse.move(box.x - 3, box.y);
      await sleep(150);
      await page.mouse.move(box.x, box.y);
      for (let k = 0; k < 40; k++) {
        const v = last(await timingsOf(probe, url), 'card');
        if (v !== undefined) {
          const ready = last(await timingsOf(probe, url), 'cardReady');
          if (ready !== undefined) hoverReady.push(ready);
          hover.push(v);
          break;
        }
        await sleep(100);
      }
    }
    await page.close();
  }
  out.hover = stat(hover);
  out.hoverReady = stat(hoverReady);
  console.log(
    `${browser} hover to painted card: ${out.hover.median.toFixed(1)} ms median, ${out.hover.max.toFixed(1)} max (${hover.length} runs); the card ready ${out.hoverReady.median.toFixed(1)} / ${out.hoverReady.max.toFixed(1)} ms`,
  );
  await setSettings(probe, {});

  if (browser === 'chromium') {
    // For reference: the same trace in the Playwright-driven browser, whose inspector makes V8 parse the bundle again.
    const attached: number[] = [];
    for (let run = 0; run < opts.runs; run++) {
      const page = (await session.newPage()) as unknown as Page;
      const events = await traced(page, async () => {
        await page.goto(`${server.origin}/${pages[0].path}`, { waitUntil: 'load' });
        await waitIdle(probe, page as unknown as AnyPage, -1, 60_000);
      });
      await page.close();
      const b = startupBusy(events);
      if (b !== undefined) attached.push(b);
    }
    out.startupBusyAttached = { ...stat(attached), method: STARTUP_BUSY_ATTACHED_METHOD };
    out.startupBusy = { ...stat(await unattachedStartup(`${server.origin}/${pages[0].path}`, opts.runs)), method: STARTUP_BUSY_METHOD };
    console.log(
      `chromium start-up main-thread busy time: ${out.startupBusy.median.toFixed(2)} ms (with a DevTools client attached to the page: ${out.startupBusyAttached.median.toFixed(2)} ms)`,
    );
  }
  if (browser === 'chromium' && opts.heapPage) {
    const heap = async (enabled: boolean) => {
      await setSettings(probe, { enabled, where: 'all' });
      const page = await session.newPage();
      await page.goto(`${server.origin}/${opts.heapPage}`, { waitUntil: 'load' });
      await waitIdle(probe, page, -1, 60_000);
      await sleep(500);
      const bytes = await session.jsHeapBytes(page);
      await page.close();
      return bytes;
    };
    out.heap = { off: await heap(false), on: await heap(true) };
    await setSettings(probe, {});
  }
  if (browser === 'chromium' && opts.framePages) out.frames = await framesCost(session, probe, server, opts.framePages, opts.runs);
  await probe.close();
  await session.close();
  if (browser === 'chromium' && opts.articles && opts.tabs) out.tabs = await tabsMemory(server, opts.articles, opts.tabs);
  return out;
}

export const STARTUP_BUSY_METHOD =
  "Chromium trace of a browser no DevTools client attaches to the page of (scripts/lib/raw-chromium.ts; the trace is recorded over the browser target only): the time every task ran on the page's main thread (ThreadControllerImpl::RunTask) from the start of the content script's evaluation (EvaluateScript of content.js) to its matcher being ready (end of the backstory:ready measure), the page otherwise idle after load, after one untraced warm-up load";
export const STARTUP_BUSY_ATTACHED_METHOD =
  'the same trace taken through the Playwright session, which attaches to the page and enables its Runtime domain: an inspector that makes V8 collect source positions (parse the bundle again) when Blink captures a stack; for reference, not the budget';

/** Start-up busy time of `url`, `runs` loads in a Chromium whose pages no DevTools client attaches to (after one warm-up load). */
async function unattachedStartup(url: string, runs: number): Promise<number[]> {
  const browser = await launchUnattached();
  const busy: number[] = [];
  try {
    await browser.visit(url, 3000);
    for (let run = 0; run < runs; run++) {
      const events = await browser.traceLoad(url, ['devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'toplevel', '__metadata'], () => sleep(3000));
      const b = startupBusy(events as TraceEvent[]);
      if (b === undefined) throw new Error(`start-up trace ${run + 1}: no backstory:ready measure on ${url} (the content script did not get ready in 3 s)`);
      busy.push(b);
    }
  } finally {
    await browser.close();
  }
  return busy;
}

/** Busy time of the content script's thread from its evaluation to the end of its backstory:ready measure, in ms. */
export function startupBusy(events: TraceEvent[]): number | undefined {
  const ready = events.find((e) => e.name === 'backstory:ready' && e.ph === 'b');
  const end = events.find((e) => e.name === 'backstory:ready' && e.ph === 'e');
  if (!ready || !end) return undefined;
  const evaluations = events.filter(
    (e) =>
      e.name === 'EvaluateScript' &&
      e.pid === ready.pid &&
      e.tid === ready.tid &&
      e.ts <= ready.ts &&
      (e.args?.data?.url ?? '').endsWith('content-scripts/content.js'),
  );
  const begin = evaluations.sort((a, b) => b.ts - a.ts)[0] ?? ready;
  let total = 0;
  for (const e of events) {
    if (e.name !== 'ThreadControllerImpl::RunTask' || e.ph !== 'X' || e.pid !== begin.pid || e.tid !== begin.tid || e.dur === undefined) continue;
    const a = Math.max(e.ts, begin.ts);
    const b = Math.min(e.ts + e.dur, end.ts);
    if (b > a) total += b - a;
  }
  return total / 1000;
}

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  /** Thread (CPU) time, where the trace records it. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string; frame?: string; stackTrace?: Array<{ url?: string }> } };
};

/**
 * Main-thread time of Backstory's content script in every renderer, from a Chromium trace: the
 * compile and evaluation of its script and every call into it (events whose script URL is the
 * extension's), plus the microtask checkpoints that run inside those tasks, outermost events only.
 */
export function contentScriptTime(events: TraceEvent[], origin: string): number {
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const ours = (e: TraceEvent) => {
    const url = e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url ?? '';
    return url.startsWith(origin);
  };
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mains.has(`${e.pid}:${e.tid}`) && ours(e))
    .map((e) => ({ key: `${e.pid}:${e.tid}`, start: e.ts, end: e.ts + e.dur! }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.start - b.start));
  let total = 0;
  let key = '';
  let end = -Infinity;
  for (const s of spans) {
    if (s.key !== key) {
      key = s.key;
      end = -Infinity;
    }
    if (s.end <= end) continue; // nested in the last outer event
    total += s.end - Math.max(s.start, end);
    end = s.end;
  }
  return total / 1000;
}

/**
 * Thread time of Backstory's scripts in every frame but `topFrame` (the page's own frame, by its trace id): compile,
 * evaluation and calls of the extension's scripts, outermost events, on every renderer main thread. Thread time,
 * not wall time: with 20 frames' renderers on two cores, a thread waits for a core for tens of milliseconds inside
 * an event without running anything. An event with no frame is counted (the conservative side).
 */
export function subframeScriptTime(events: TraceEvent[], origin: string, topFrame: string): number {
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const ours = (e: TraceEvent) => (e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url ?? '').startsWith(origin);
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mains.has(`${e.pid}:${e.tid}`) && ours(e))
    .sort((a, b) => (`${a.pid}:${a.tid}` < `${b.pid}:${b.tid}` ? -1 : `${a.pid}:${a.tid}` > `${b.pid}:${b.tid}` ? 1 : a.ts - b.ts || b.dur! - a.dur!));
  let total = 0;
  let key = '';
  let end = -Infinity;
  for (const e of spans) {
    const k = `${e.pid}:${e.tid}`;
    if (k !== key) {
      key = k;
      end = -Infinity;
    }
    if (e.ts + e.dur! <= end) continue; // nested in the last outer event
    end = e.ts + e.dur!;
    if (e.args?.data?.frame === topFrame) continue;
    total += e.tdur ?? e.dur!;
  }
  return total / 1000;
}

async function traced(page: Page, run: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'toplevel', '__metadata'],
      recordMode: 'recordContinuously',
    },
    transferMode: 'ReportEvents',
  });
  await run();
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return events;
}

/**
 * Backstory's main-thread time caused by N cross-origin iframes: its scripts' thread time in every frame but the
 * page's own (trace), plus the page's own script checking its frames (its `frames` timings). The difference of the
 * page's totals with and without the frames is kept beside it for reference: it is wall time, and on a 2-core machine
 * it mostly measures the page's own script waiting for a core while 20 frames load.
 */
async function framesCost(
  session: Session,
  probe: AnyPage,
  server: FixtureServer,
  f: { withFrames: string; without: string; frames: number },
  runs: number,
): Promise<NonNullable<ContentScriptResults['frames']>> {
  await setSettings(probe, {});
  const measure = async (file: string) => {
    const page = (await session.newPage()) as unknown as Page;
    const url = `${server.origin}/bench/${file}`;
    const cdp = await page.context().newCDPSession(page);
    const top = ((await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }).frameTree.frame.id;
    await cdp.detach();
    const events = await traced(page, async () => {
      await page.goto(url, { waitUntil: 'load' });
      await waitIdle(probe, page as unknown as AnyPage, -1, 60_000);
      await sleep(1000); // every frame's script has decided by now
    });
    const check = (await timingsOf(probe, url)).filter((t) => t.name === 'frames').reduce((n, t) => n + t.duration, 0);
    await page.close();
    const full = events.filter((e) => e.name === 'EvaluateScript' && (e.args?.data?.url ?? '').endsWith('/content-scripts/content.js')).length;
    return { ms: contentScriptTime(events, session.extensionOrigin), inFrames: subframeScriptTime(events, session.extensionOrigin, top), check, full };
  };
  const withFrames: number[] = [];
  const without: number[] = [];
  const fullScript: number[] = [];
  const extra: number[] = [];
  const inFrames: number[] = [];
  const check: number[] = [];
  for (let run = 0; run < runs; run++) {
    const a = await measure(f.without);
    const b = await measure(f.withFrames);
    without.push(a.ms);
    withFrames.push(b.ms);
    fullScript.push(b.full - a.full);
    inFrames.push(b.inFrames);
    check.push(b.check);
    extra.push(b.inFrames + b.check);
  }
  const res = {
    extra: stat(extra),
    inFrames: stat(inFrames),
    check: stat(check),
    withFrames: stat(withFrames),
    without: stat(without),
    frames: f.frames,
    fullScript: stat(fullScript),
    method:
      "Chromium trace (devtools.timeline, v8): thread time of the extension's scripts (compile, evaluation, calls; outermost events) in every frame but the page's own, on every renderer main thread, plus the page's own script checking its frames (its performance.now() timings); default settings",
  };
  console.log(
    `chromium ${f.frames} cross-origin iframes: +${res.extra.median.toFixed(2)} ms (scripts in the frames ${res.inFrames.median.toFixed(2)}, the top frame's check ${res.check.median.toFixed(2)}; wall-time totals with ${res.withFrames.median.toFixed(2)}, without ${res.without.median.toFixed(2)}); full content script evaluated in ${res.fullScript.median} more frame(s)`,
  );
  return res;
}

/** Proportional set size of every process of a browser (the process and its descendants) by kind, from /proc (Linux). */
export function processPss(root: number): Record<string, number> {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone
    }
  }
  const out: Record<string, number> = {};
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      // Chromium rewrites its helpers' command lines into one string: split on spaces too.
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      const type = cmd.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
      const kind = type === 'renderer' && cmd.includes('--extension-process') ? 'extension' : type;
      if (m) out[kind] = (out[kind] ?? 0) + Number(m[1]) * 1024;
    } catch {
      // gone
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

const total = (by: Record<string, number>) => Object.values(by).reduce((a, b) => a + b, 0);

/**
 * Memory of N article tabs, in a Chromium no DevTools client attaches to the pages of (an inspector keeps
 * memory of its own: the extension's process weighed 84-100 MB under Playwright against 35 MB here). Every
 * process's PSS after a GC in every tab, with Backstory on minus the same browser without it, divided by N: once
 * every tab has reported idle (just loaded), and again once every tab has let its index go (settled, decision 11).
 */
export async function tabsMemory(server: FixtureServer, articles: string[], tabs: number): Promise<NonNullable<ContentScriptResults['tabs']>> {
  const urls = Array.from({ length: tabs }, (_, i) => `${server.origin}/${articles[i % articles.length]}`);
  const gcPages = async (b: UnattachedChromium) => {
    const { targetInfos } = (await b.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string; targetId: string }> };
    for (const t of targetInfos.filter((t) => t.type === 'page' && t.url.startsWith('http'))) {
      const session = await b.attach(t.targetId);
      await b.send('HeapProfiler.collectGarbage', {}, session);
      await b.send('Target.detachFromTarget', { sessionId: session });
    }
    await sleep(500);
    return processPss(b.pid);
  };
  // Without Backstory: the same tabs, each given the time a tab with it took.
  const off = await (async () => {
    const b = await launchUnattached({ extension: false });
    try {
      for (const url of urls) {
        await b.open(url);
        await sleep(1500);
      }
      await sleep(2000);
      return await gcPages(b);
    } finally {
      await b.close();
    }
  })();
  const b = await launchUnattached();
  try {
    const { targetInfos } = (await b.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string; targetId: string }> };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://') && t.url.endsWith('/background.js'));
    if (!worker) throw new Error('no service worker for Backstory');
    const sw = await b.attach(worker.targetId);
    const inWorker = async <T>(expression: string): Promise<T> => {
      const r = (await b.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sw)) as {
        result: { value: T };
        exceptionDetails?: unknown;
      };
      if (r.exceptionDetails) throw new Error(`in the service worker: ${JSON.stringify(r.exceptionDetails)}`);
      return r.result.value;
    };
    // An attached worker may wait for the debugger before it runs, and answers before its globals exist.
    await b.send('Runtime.runIfWaitingForDebugger', {}, sw);
    for (let i = 0; i < 100 && !(await inWorker<boolean>("typeof chrome === 'object' && !!chrome.storage")); i++) await sleep(100);
    await inWorker("chrome.storage.sync.set({ settings: { where: 'all' } }).then(() => true)");
    // Per tab: [phase of its status, whether its timings hold a release].
    const states = () =>
      inWorker<Array<[string, string, boolean]>>(`(async () => {
        const out = [];
        for (const t of await chrome.tabs.query({})) {
          try {
            const s = await chrome.tabs.sendMessage(t.id, { type: 'status' }, { frameId: 0 });
            const ts = await chrome.tabs.sendMessage(t.id, { type: 'timings' }, { frameId: 0 });
            if (s) out.push([s.url, s.phase, ts.some((x) => x.name === 'release')]);
          } catch {}
        }
        return out;
      })()`);
    const waitFor = async (ok: (st: Array<[string, string, boolean]>) => boolean, ms: number, what: string) => {
      const end = Date.now() + ms;
      for (;;) {
        if (ok(await states())) return;
        if (Date.now() > end) throw new Error(`tabs memory: ${what} did not happen in ${ms} ms`);
        await sleep(250);
      }
    };
    for (const [i, url] of urls.entries()) {
      await b.open(url);
      await waitFor((st) => st.filter(([, phase]) => phase === 'idle').length > i, 60_000, `tab ${i + 1} reporting idle`);
    }
    const loaded = await gcPages(b);
    await waitFor((st) => st.length >= tabs && st.every(([, , released]) => released), RELEASE_AFTER_MS + 30_000, 'every tab letting its index go');
    const on = await gcPages(b);
    if (process.env.BENCH_DEBUG) console.log('off', off, 'loaded', loaded, 'on', on);
    const perKind = (by: Record<string, number>) =>
      Object.fromEntries([...new Set([...Object.keys(by), ...Object.keys(off)])].map((k) => [k, ((by[k] ?? 0) - (off[k] ?? 0)) / tabs]));
    const res = {
      perTab: (total(on) - total(off)) / tabs,
      on: total(on),
      off: total(off),
      tabs,
      perTabLoaded: (total(loaded) - total(off)) / tabs,
      onLoaded: total(loaded),
      byProcess: perKind(on),
      method: `PSS of every process of a Chromium no DevTools client attaches to the pages of (/proc/*/smaps_rollup), ${tabs} article tabs opened one after another, each once it reported idle, after a GC in every tab; Backstory on (where: all) minus the same browser without it, ÷ ${tabs}; settled: once every tab had let its index go (${RELEASE_AFTER_MS / 1000} s quiet, ADR 0002 decision 11); just loaded: once every tab had reported idle`,
    };
    console.log(
      `chromium ${tabs} article tabs: +${(res.perTab / 1e6).toFixed(2)} MB per tab settled, +${(res.perTabLoaded / 1e6).toFixed(2)} MB just loaded (${Object.entries(
        res.byProcess,
      )
        .map(([k, v]) => `${k} ${(v / 1e6).toFixed(2)}`)
        .join(', ')})`,
    );
    return res;
  } finally {
    await b.close();
  }
}
