/**
 * Launch real browsers with the built extension: Chromium through playwright-core,
 * Firefox through puppeteer-core (WebDriver BiDi). Both return the same small
 * interface so tests, the demo and the benchmark drive them alike.
 * Never downloads a browser: find-browsers.ts finds the system's (or installs Debian's packages).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { profilerEnv } from './gecko-profile';
import { findBrowser, type BrowserName } from './find-browsers';

export type { BrowserName } from './find-browsers';
const GECKO_ID = 'backstory@backstory.example';
/** Pinned so tests know the moz-extension:// origin in advance. */
export const FIREFOX_UUID = '7b1f2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d';

/** Put on the clipboard before a copy, so a copy that did nothing is never mistaken for one that worked. */
export const CLIPBOARD_SENTINEL = '(clipboard untouched)';

/** The subset of Playwright's and Puppeteer's Page that both share. */
export type AnyPage = {
  goto(url: string, opts?: { waitUntil?: 'load' | 'domcontentloaded'; timeout?: number }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  mouse: { move(x: number, y: number, opts?: { steps?: number }): Promise<void>; click(x: number, y: number): Promise<void> };
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  touchscreen?: { tap(x: number, y: number): Promise<void> };
  frames(): Array<{ url(): string; evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> }>;
  screenshot(opts: { path: string; fullPage?: boolean }): Promise<unknown>;
  setViewportSize?(s: { width: number; height: number }): Promise<void>;
  setViewport?(s: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
  on(event: 'console', fn: (msg: { type(): string; text(): string }) => void): unknown;
  on(event: 'pageerror', fn: (err: Error) => void): unknown;
  bringToFront?(): Promise<void>;
};

export type Session = {
  name: BrowserName;
  extensionOrigin: string;
  /** Every URL the browser requested from pages (and, in Chromium, workers) since launch. */
  requests: string[];
  /** Run a script in every new document before the page's own (Chromium: Playwright init script; Firefox: Puppeteer). */
  addInitScript(page: AnyPage, script: string): Promise<void>;
  newPage(): Promise<AnyPage>;
  /** Open an extension page (e.g. popup.html?tab=…) in a tab. */
  openExtensionPage(path: string): Promise<AnyPage>;
  /** Bytes of live JS heap in the page's renderer/content process, measured after a full garbage collection. */
  jsHeapBytes(page: AnyPage): Promise<number>;
  /** What a reader gets from Select All then Copy (the real keyboard shortcuts), read back from the clipboard. */
  selectAllAndCopy(page: AnyPage): Promise<string>;
  /** Resolves when the browser is gone (closed by the reader, or by close()). */
  closed: Promise<void>;
  close(): Promise<void>;
};

export type LaunchOptions = {
  headless?: boolean;
  userDataDir?: string;
  hasTouch?: boolean;
  /** Firefox only: run the Gecko profiler from start-up and write its profile here when the browser closes. */
  geckoProfile?: string;
};

/** Flags for every headless Chromium the project starts: no sandbox in CI's container, nothing that calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launch(name: BrowserName, opts: LaunchOptions = {}): Promise<Session> {
  return name === 'chromium' ? launchChromium(opts) : launchFirefox(opts);
}

async function launchChromium(opts: LaunchOptions): Promise<Session> {
  const { chromium } = await import('playwright-core');
  const ext = resolve('.output/chrome-mv3');
  const dir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'backstory-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findBrowser('chromium'),
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 800 },
    hasTouch: opts.hasTouch ?? false,
    // Playwright turns the back/forward cache off; readers have it, and a test checks that pages restored from it work.
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, ...CHROMIUM_ARGS],
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  const origin = `chrome-extension://${id}`;
  const closed = new Promise<void>((r) => context.once('close', () => r()));
  return {
    name: 'chromium',
    closed,
    extensionOrigin: origin,
    requests,
    addInitScript: async (page, script) => {
      await (page as unknown as import('playwright-core').Page).addInitScript({ content: script });
    },
    newPage: async () => (await context.newPage()) as unknown as AnyPage,
    openExtensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`${origin}/${path}`);
      return page as unknown as AnyPage;
    },
    selectAllAndCopy: async (page) => {
      const pw = page as unknown as import('playwright-core').Page;
      await pw.evaluate((s) => ((document.activeElement as HTMLElement | null)?.blur(), navigator.clipboard.writeText(s)), CLIPBOARD_SENTINEL);
      await pw.keyboard.press('Control+A');
      await pw.keyboard.press('Control+C');
      return pw.evaluate(() => navigator.clipboard.readText());
    },
    jsHeapBytes: async (page) => {
      const cdp = await context.newCDPSession(page as unknown as import('playwright-core').Page);
      try {
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      } finally {
        await cdp.detach();
      }
    },
    close: async () => {
      await context.close();
      if (!opts.userDataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(opts: LaunchOptions): Promise<Session> {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBrowser('firefox'),
    headless: opts.headless ?? true,
    env: opts.geckoProfile ? { ...process.env, ...profilerEnv(opts.geckoProfile) } : process.env,
    userDataDir: opts.userDataDir,
    args: ['--remote-allow-system-access', '--width=1280', '--height=800'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // Keep the profile quiet and offline.
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      // Temporary add-ons are uninstalled at shutdown; keep their storage so a restart test sees it.
      'extensions.webextensions.keepStorageOnUninstall': true,
      // Let tests read the clipboard back without Firefox's paste prompt.
      'dom.events.testing.asyncClipboard': true,
      // The benchmark reads performance.now() in the content script: microseconds rather than Firefox's default 1 ms
      // steps, which rounded a 1.4 ms step to 1 or 2 (a measuring browser; readers keep their own setting).
      'privacy.reduceTimerPrecision': false,
    },
  });
  await browser.installExtension(resolve('.output/firefox-mv2'));
  const origin = `moz-extension://${FIREFOX_UUID}`;
  const requests: string[] = [];
  const newPage = async () => {
    const page = await browser.newPage();
    page.on('request', (r) => void requests.push(r.url()));
    return page as unknown as AnyPage;
  };
  const closed = new Promise<void>((r) => browser.once('disconnected', () => r()));
  return {
    name: 'firefox',
    closed,
    extensionOrigin: origin,
    requests,
    addInitScript: async (page, script) => {
      await (page as unknown as import('puppeteer-core').Page).evaluateOnNewDocument(script);
    },
    newPage,
    openExtensionPage: async (path) => {
      const page = await browser.newPage();
      const url = `${origin}/${path}`;
      // Under BiDi, goto on a moz-extension:// URL never resolves: fire it, then wait for the location.
      page.goto(url, { timeout: 3000 }).catch(() => {});
      // Poll instead of waitForFunction: the navigation destroys the context a wait would run in.
      const end = Date.now() + 15_000;
      for (;;) {
        const ready = await page.evaluate((u: string) => location.href === u && document.readyState === 'complete', url).catch(() => false);
        if (ready) break;
        if (Date.now() > end) throw new Error(`could not open ${url}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return page as unknown as AnyPage;
    },
    selectAllAndCopy: async (page) => {
      const pp = page as unknown as import('puppeteer-core').Page;
      await pp.evaluate((s) => ((document.activeElement as HTMLElement | null)?.blur(), navigator.clipboard.writeText(s)), CLIPBOARD_SENTINEL);
      await pp.keyboard.down('Control');
      await pp.keyboard.press('KeyA');
      await pp.keyboard.press('KeyC');
      await pp.keyboard.up('Control');
      return pp.evaluate(() => navigator.clipboard.readText());
    },
    jsHeapBytes: async (page) => {
      // The content process's GC heap, from the parent process's memory reporters, after a GC and CC
      // in every process (what about:memory's "Minimize memory usage" does). Needs system access
      // through WebDriver BiDi (--remote-allow-system-access), in a chrome-scope context.
      const url = await page.evaluate(() => location.href, null);
      const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: BidiResult }> } }).connection;
      type BidiResult = { contexts?: Array<{ context: string }>; type?: string; result?: { value?: string }; exceptionDetails?: { text: string } };
      const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const context = tree.result.contexts![0].context;
      const { result } = await connection.send('script.evaluate', {
        expression: `(${FIREFOX_HEAP})(${JSON.stringify(url)})`,
        target: { context },
        awaitPromise: true,
      });
      if (result.type !== 'success') throw new Error(`heap measurement failed: ${result.exceptionDetails?.text}`);
      return Number(result.result?.value);
    },
    close: () => browser.close(),
  };
}

/** Runs in Firefox's privileged browser window; kept as source text so it crosses to the browser as is. */
const FIREFOX_HEAP = `async function (url) {
  const mgr = Cc['@mozilla.org/memory-reporter-manager;1'].getService(Ci.nsIMemoryReporterManager);
  await new Promise((r) => mgr.minimizeMemoryUsage(r));
  await new Promise((r) => setTimeout(r, 1000)); // child processes collect after the parent
  const info = await ChromeUtils.requestProcInfo();
  const child = info.children.find((c) => (c.windows || []).some((w) => w.documentURI && w.documentURI.spec === url));
  if (!child) throw new Error('no content process for ' + url);
  let bytes = 0;
  await new Promise((done) =>
    mgr.getReports((proc, path, kind, units, amount) => {
      if (proc.endsWith('(pid ' + child.pid + ')') && path.startsWith('js-main-runtime-gc-heap-committed/used/gc-things/')) bytes += amount;
    }, null, done, null, false),
  );
  if (bytes === 0) throw new Error('no JS heap report for process ' + child.pid);
  return String(bytes);
}`;
