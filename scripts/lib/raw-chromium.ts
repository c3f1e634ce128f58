/**
 * A Chromium with Backstory loaded that no DevTools client attaches to: the benchmark's start-up trace runs here.
 *
 * Playwright (like any CDP client that drives pages) attaches to every page and enables its Runtime domain. With
 * an inspector attached, V8 records source positions whenever Blink captures a stack for a page API call, and
 * for a bundle whose modules all sit in one outer function that means parsing the whole bundle again: two such
 * passes of 3-7 ms each during the content script's evaluation, in traces of the same page (ADR 0002). A reader's
 * browser has no inspector attached, so start-up is traced here instead: the browser is started by hand, the
 * only CDP connection is to the browser target (tracing and opening or closing tabs), and pages are never attached.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS } from './browsers';
import { findBrowser } from './find-browsers';

export type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> };

export type UnattachedChromium = {
  /** Opens `url` in a new tab, records a trace of every process while `wait` runs, closes the tab, returns the events. */
  traceLoad(url: string, categories: string[], wait: () => Promise<void>): Promise<TraceEvent[]>;
  /** Opens `url` in a new tab for `ms` and closes it, untraced (a warm-up load). */
  visit(url: string, ms: number): Promise<void>;
  /** Opens `url` in a new tab and leaves it open; returns its target id. */
  open(url: string): Promise<string>;
  /** A CDP command to the browser target, or (with `sessionId`) to a target attached with `attach`. */
  send(method: string, params?: object, sessionId?: string): Promise<Record<string, unknown>>;
  /** Attaches to a target that is not a page (the extension's service worker); returns the session id. */
  attach(targetId: string): Promise<string>;
  /** The browser's process id and profile directory. */
  pid: number;
  dir: string;
  close(): Promise<void>;
};

type Pending = { ok: (v: Record<string, unknown>) => void; fail: (e: Error) => void };

export async function launchUnattached(opts: { extension?: boolean } = {}): Promise<UnattachedChromium> {
  const withExtension = opts.extension ?? true;
  const require = createRequire(import.meta.url);
  // playwright-core's bundled `ws` (an exported entry of the package), so no extra dependency.
  const { ws: WebSocket } = require('playwright-core/lib/utilsBundle') as { ws: new (url: string, opts: object) => WsLike };
  const ext = resolve('.output/chrome-mv3');
  const dir = mkdtempSync(join(tmpdir(), 'backstory-unattached-'));
  const proc = spawn(
    findBrowser('chromium'),
    [
      '--headless=new',
      `--user-data-dir=${dir}`,
      '--remote-debugging-port=0',
      ...(withExtension ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []),
      ...CHROMIUM_ARGS,
      '--window-size=1280,800',
      'about:blank',
    ],
    // Its own process group, so closing it ends every helper process it started.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const wsUrl = await new Promise<string>((ok, fail) => {
    let err = '';
    const timer = setTimeout(() => fail(new Error(`Chromium did not open its DevTools port in 30 s:\n${err}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    proc.once('exit', (code) => fail(new Error(`Chromium exited (${code}) before its DevTools port opened:\n${err}`)));
  });
  const sock = new WebSocket(wsUrl, { perMessageDeflate: false, maxPayload: 1 << 30 });
  await new Promise<void>((ok, fail) => {
    sock.once('open', () => ok());
    sock.once('error', fail);
  });
  let next = 0;
  const pending = new Map<number, Pending>();
  let collected: TraceEvent[] = [];
  let complete: (() => void) | undefined;
  sock.on('message', (raw: Buffer) => {
    const msg = JSON.parse(raw.toString()) as {
      id?: number;
      result?: Record<string, unknown>;
      error?: { message: string };
      method?: string;
      params?: { value?: TraceEvent[] };
    };
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.fail(new Error(msg.error.message));
      else p?.ok(msg.result ?? {});
    } else if (msg.method === 'Tracing.dataCollected') collected.push(...(msg.params?.value ?? []));
    else if (msg.method === 'Tracing.tracingComplete') complete?.();
  });
  const send = (method: string, params: object = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((ok, fail) => {
      const id = ++next;
      pending.set(id, { ok, fail });
      sock.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  // Wait for the extension's service worker: the content script needs it for settings and the index URL.
  for (let i = 0; i < 100 && withExtension; i++) {
    const { targetInfos } = (await send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string }> };
    if (targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'))) break;
    await sleep(100);
  }
  const open = async (url: string) => ((await send('Target.createTarget', { url })) as { targetId: string }).targetId;
  return {
    pid: proc.pid!,
    dir,
    send,
    open,
    async attach(targetId) {
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      return sessionId;
    },
    async visit(url, ms) {
      const targetId = await open(url);
      await sleep(ms);
      await send('Target.closeTarget', { targetId });
    },
    async traceLoad(url, categories, wait) {
      collected = [];
      await send('Tracing.start', { traceConfig: { includedCategories: categories, recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
      const targetId = await open(url);
      await wait();
      const done = new Promise<void>((r) => (complete = r));
      await send('Tracing.end');
      await done;
      await send('Target.closeTarget', { targetId });
      return collected;
    },
    async close() {
      sock.close();
      const exited = new Promise((r) => proc.once('exit', r));
      try {
        process.kill(-proc.pid!, 'SIGTERM');
      } catch {
        proc.kill('SIGTERM'); // the group is gone already, or this platform has none
      }
      await exited;
      await sleep(300);
      try {
        // Chromium's helper processes may still be writing the profile for a moment after the browser exits.
        rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (e) {
        console.warn(`could not remove the benchmark's Chromium profile ${dir}: ${String(e)}`);
      }
    },
  };
}

type WsLike = {
  once(event: string, cb: (...a: never[]) => void): void;
  on(event: 'message', cb: (raw: Buffer) => void): void;
  send(data: string): void;
  close(): void;
};
