/**
 * Shared steps for e2e tests in both browsers. Tests read what Backstory did
 * from the outside, as a page script could: the CSS highlight registry, the
 * card host's open shadow root, and the popup's view of the tab.
 */
import { mkdirSync } from 'node:fs';
import { after, afterEach, before, describe } from 'node:test';
import { launch, type AnyPage, type BrowserName, type LaunchOptions, type Session } from '../../scripts/lib/browsers';
import { serveFixtures, type FixtureServer } from '../../scripts/lib/server';
import type { PageStatus } from '../../utils/messages';
import { statusOf, waitIdle } from '../../scripts/lib/status';
import { ExtensionPage } from '../../scripts/lib/extension-page';

export const BROWSERS: BrowserName[] = (process.env.E2E_BROWSERS?.split(',') as BrowserName[]) ?? ['chromium', 'firefox'];
export const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

export type Env = { session: Session; server: FixtureServer; errors: string[]; probe?: AnyPage };

export async function start(name: BrowserName, headers?: Record<string, Record<string, string>>, opts: LaunchOptions = {}): Promise<Env> {
  const server = await serveFixtures('tests/fixtures', headers);
  const session = await launch(name, opts);
  return { session, server, errors: [] };
}

export type Status = PageStatus;

/**
 * The content script's own report for this page, once it says it is idle (and, with `after`, once it
 * has settled more often than that: work asked of it after the count was read is done). This is the
 * positive signal to wait for before checking that something did NOT happen: a script that never
 * started, or never answers, fails here instead of passing an absence check.
 */
export async function idle(env: Env, page: AnyPage, after = -1, timeout = 20_000): Promise<Status> {
  env.probe ??= await env.session.openExtensionPage('popup.html?tab=0');
  return waitIdle(env.probe, page, after, timeout);
}

/** The content script's status for this page right now (it must answer). */
export async function status(env: Env, page: AnyPage): Promise<Status> {
  env.probe ??= await env.session.openExtensionPage('popup.html?tab=0');
  const url = await page.evaluate(() => location.href, null);
  const s = await statusOf(env.probe, url);
  if (!s) throw new Error(`no content script answered in ${url}`);
  return s;
}

export type SuiteOptions = {
  /**
   * Settings every test starts from: written before the first test and again after each one, so a test
   * that failed half-way leaks nothing. Without them, storage is cleared after each test (no settings,
   * empty glossary). `reset: false` leaves storage alone between tests.
   */
  settings?: Record<string, unknown>;
  reset?: boolean;
  /** Extra response headers by fixture path (a CSP page). */
  headers?: Record<string, Record<string, string>>;
  launch?: (browser: BrowserName) => LaunchOptions;
  /** Runs once before the browser starts (generated fixtures). */
  setup?: () => void | Promise<void>;
};

/**
 * One suite per browser (node:test describe), each with its own browser session and fixture server.
 * `body` declares the tests; its `env` stands for the suite's running Env (a forwarding view, so tests
 * can hold it before the browser has started).
 */
export function eachBrowser(title: string, body: (browser: BrowserName, env: Env) => void, opts: SuiteOptions = {}): void {
  for (const browser of BROWSERS) {
    describe(`${title} in ${browser}`, () => {
      let current: Env | undefined;
      const live = (): Env => {
        if (!current) throw new Error(`the ${browser} suite "${title}" has not started`);
        return current;
      };
      const env: Env = new Proxy(Object.create(null), {
        get: (_, key) => Reflect.get(live(), key),
        set: (_, key, value) => Reflect.set(live(), key, value),
      });
      const restore = () => (opts.settings ? setSettings(env, opts.settings) : resetStorage(env));
      before(async () => {
        await opts.setup?.();
        current = await start(browser, opts.headers, opts.launch?.(browser));
        if (opts.settings) await setSettings(env, opts.settings);
      });
      if (opts.reset !== false) afterEach(restore);
      after(async () => {
        if (current) await stop(current);
      });
      body(browser, env);
    });
  }
}

export async function stop(env: Env): Promise<void> {
  await env.probe?.close().catch(() => {});
  await env.session.close();
  await env.server.close();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Open a fixture, collecting console errors and page errors into env.errors. */
export async function open(env: Env, path: string): Promise<AnyPage> {
  const page = await env.session.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') env.errors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => env.errors.push(`${path}: ${String(e)}`));
  await page.goto(`${env.server.origin}/${path}`, { waitUntil: 'load' });
  await idle(env, page);
  return page;
}

/** Waits for a positive signal. The timeout only bounds a hang; it is generous because CI shares 2 cores. */
export async function waitFor(page: AnyPage, fn: () => boolean, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, null).catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn.toString().slice(0, 120)}`);
    await sleep(50);
  }
}

export const MARK_NAMES = ['backstory-dotted', 'backstory-underline', 'backstory-background'];

/** Text of every registered mark range, in registration (document) order. */
export function marks(page: AnyPage): Promise<string[]> {
  return page.evaluate((names) => {
    const out: string[] = [];
    for (const n of names) {
      // Our highlights hold live Ranges only (a StaticRange has no text).
      for (const r of CSS.highlights.get(n) ?? []) if (r instanceof Range) out.push(r.toString());
    }
    return out;
  }, MARK_NAMES);
}

/** Text of every range in one named highlight ('backstory-focus', 'backstory-dotted'…), in registration order. */
export function highlightTexts(page: AnyPage, name: string): Promise<string[]> {
  return page.evaluate((n) => Array.from(CSS.highlights.get(n) ?? [], (r) => (r instanceof Range ? r.toString() : '')), name);
}

/** Waits until `text` is (or, with present = false, is no longer) one of the ranges of a named highlight. */
export async function waitForHighlight(page: AnyPage, name: string, text: string, present = true, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while ((await highlightTexts(page, name).catch((): string[] => [])).includes(text) !== present) {
    if (Date.now() > end) throw new Error(`timed out waiting for "${text}" to ${present ? 'appear in' : 'leave'} ${name}`);
    await sleep(50);
  }
}

export type Box = { x: number; y: number; left: number; top: number; width: number; height: number };

/** Centre of the n-th occurrence of `text` in visible page text (not in our card). */
export function locateText(page: AnyPage, text: string, nth = 0): Promise<Box | null> {
  return page.evaluate(
    ([text, nth]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement?.closest('script,style,noscript,textarea,pre,code,template')) continue;
        const data = (n as Text).data;
        let i = data.indexOf(text as string);
        while (i !== -1) {
          if (seen++ === nth) {
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + (text as string).length);
            (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
            const b = r.getClientRects()[0];
            return { x: b.left + b.width / 2, y: b.top + b.height / 2, left: b.left, top: b.top, width: b.width, height: b.height };
          }
          i = data.indexOf(text as string, i + 1);
        }
      }
      return null;
    },
    [text, nth] as [string, number],
  );
}

/** Move the pointer onto a text as a reader would: approach, then rest on it past the dwell. */
export async function hover(page: AnyPage, text: string, nth = 0): Promise<Box> {
  // The page under the pointer must be the tab in front: a background tab (behind the status probe or a popup
  // page) gets no animation frames, and Backstory hit-tests in one.
  await page.bringToFront?.();
  // Scroll the text into view, let two frames pass so the scroll has landed, then measure where it is now.
  if (!(await locateText(page, text, nth))) throw new Error(`text not found: ${text}`);
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))), null);
  const box = await locateText(page, text, nth);
  if (!box) throw new Error(`text not found: ${text}`);
  // Approach from below-left, or from above near the bottom edge (a pointer cannot leave the viewport).
  const vh = await page.evaluate(() => innerHeight, null);
  await page.mouse.move(Math.max(1, box.x - 40), box.y + 60 < vh ? box.y + 60 : Math.max(1, box.y - 60));
  await sleep(50);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  return box;
}

export type CardInfo = { name: string; text: string; rect: { left: number; top: number; right: number; bottom: number } } | null;

export function card(page: AnyPage): Promise<CardInfo> {
  return page.evaluate(() => {
    const host = document.querySelector('backstory-card');
    const wrap = host?.shadowRoot?.querySelector('.wrap') as HTMLElement | null;
    if (!wrap || wrap.hidden || wrap.classList.contains('prepared')) return null;
    const r = wrap.getBoundingClientRect();
    return {
      name: wrap.querySelector('h2')?.textContent ?? '',
      text: wrap.textContent ?? '',
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    };
  }, null);
}

export async function waitForCard(page: AnyPage, timeout = 10_000): Promise<NonNullable<CardInfo>> {
  const end = Date.now() + timeout;
  for (;;) {
    const c = await card(page);
    if (c) return c;
    if (Date.now() > end) throw new Error('no card appeared');
    await sleep(50);
  }
}

/** The page's body as the server sent it, parsed by the same browser, next to the live body without our host. */
export function bodyComparison(page: AnyPage): Promise<{ original: string; live: string; hosts: number; hostsInBody: number }> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const original = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    return {
      original,
      live: document.body.innerHTML,
      hosts: document.querySelectorAll('backstory-card').length,
      hostsInBody: document.body.querySelectorAll('backstory-card').length,
    };
  }, null);
}

/** Open the popup for the fixture tab (found by asking each tab for its status). */
export async function openPopup(env: Env): Promise<AnyPage> {
  const probe = await ExtensionPage.open(env.session);
  const tabId = await probe.tabWithHost('127.0.0.1');
  await probe.close();
  if (tabId < 0) throw new Error('fixture tab not found');
  return env.session.openExtensionPage(`popup.html?tab=${tabId}`);
}

/** In an open popup, tick or untick a category ("Places") under "More settings", as a reader would. */
export async function toggleCategory(popup: AnyPage, label: string): Promise<void> {
  await popup.evaluate((name) => {
    (document.querySelector('details.more') as HTMLDetailsElement).open = true;
    const row = Array.from(document.querySelectorAll('.cats label')).find((l) => (l.textContent ?? '').includes(name));
    if (!row) throw new Error(`no category ${name}`);
    (row.querySelector('input') as HTMLInputElement).click();
  }, label);
}

/** Ask the content script in the fixture tab what it found (through its popup): entity ids, sorted. */
export async function found(env: Env): Promise<string[]> {
  const popup = await openPopup(env);
  await waitFor(popup, () => document.querySelectorAll('.found li, .found .empty').length > 0);
  const ids = await new ExtensionPage(popup).foundIds();
  await popup.close();
  return ids;
}

export async function shot(page: AnyPage, name: string): Promise<string> {
  const path = `${SHOTS}/${name}.png`;
  await sleep(250); // let the card's 120 ms fade-in finish
  await page.screenshot({ path });
  return path;
}

/** Write settings (what the user chose) from an extension page, as the popup would. */
export async function setSettings(env: Env, value: Record<string, unknown>): Promise<void> {
  const ext = await ExtensionPage.open(env.session);
  await ext.setSettings(value);
  await ext.close();
}

/** Back to defaults: no stored settings, an empty glossary (for afterEach, so a failed test leaks nothing). */
export async function resetStorage(env: Env): Promise<void> {
  const ext = await ExtensionPage.open(env.session);
  await ext.clearStorage();
  await ext.close();
}

/** Marks grouped by the nearest element matching `selector` (its id), for table-driven fixture pages. */
export function marksBy(page: AnyPage, selector: string): Promise<Record<string, string[]>> {
  return page.evaluate(
    ([names, sel]) => {
      const out: Record<string, string[]> = {};
      for (const n of names as string[]) {
        const h = CSS.highlights.get(n);
        for (const r of h ?? []) {
          const el = r.startContainer.parentElement?.closest(sel as string);
          const key = el?.id ?? '(none)';
          if (r instanceof Range) (out[key] ??= []).push(r.toString());
        }
      }
      return out;
    },
    [MARK_NAMES, selector] as [string[], string],
  );
}
