/**
 * The hostile page kinds, shared by the e2e test (behaviour: DOM, selection, copy, console) and the
 * benchmark (budgets: longest task, heap). Each page is a fixture under tests/fixtures.
 */
import type { AnyPage } from './browsers';

export type HostileKind = {
  name: string;
  path: string;
  /** Drive the page into its final state (both runs). */
  drive?: (page: AnyPage) => Promise<void>;
  /** A name to hover in the "on" run, so the card host exists during the comparison. */
  hover?: string;
  /** Whether Backstory is expected to mark something on it. */
  marks: boolean;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(page: AnyPage, fn: () => boolean, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn, null).catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn.toString().slice(0, 120)}`);
    await sleep(50);
  }
}

export const HOSTILE_KINDS: HostileKind[] = [
  { name: '2 MB of text', path: 'bench/generated-2mb.html', marks: true },
  { name: 'one enormous text node', path: 'hostile/big-node.html', marks: true },
  { name: 'strict Content-Security-Policy', path: 'hostile/csp.html', hover: 'Brussels', marks: true },
  { name: 'same- and cross-origin iframes', path: 'hostile/iframes.html', hover: 'Beijing', marks: true },
  { name: 'open and closed shadow roots', path: 'hostile/shadow.html', hover: 'Kremlin', marks: true },
  { name: 'contenteditable, textarea and input', path: 'dynamic/editable.html', hover: 'Russia', marks: true },
  { name: 'SVG text', path: 'hostile/svg.html', hover: 'Russia', marks: true },
  { name: 'a right-to-left article', path: 'hostile/rtl.html', hover: 'Gazprom', marks: true },
  {
    name: 'infinite scroll of 5,000 paragraphs',
    path: 'dynamic/infinite.html',
    marks: true,
    drive: async (page) => {
      for (let i = 0; i < 10; i++) {
        await page.evaluate(() => (window as unknown as { appendMore(n: number): number }).appendMore(500), null);
        await sleep(30);
      }
    },
  },
  {
    name: 'a single-page app using pushState',
    path: 'dynamic/spa.html',
    marks: true,
    drive: async (page) => {
      await page.evaluate(() => (document.getElementById('next') as HTMLAnchorElement).click(), null);
      await until(page, () => location.search === '?story=2');
    },
  },
  {
    name: 'text mutating 100 times a second for 10 s',
    path: 'hostile/mutations.html',
    marks: true,
    drive: (page) => until(page, () => (window as unknown as { __done?: boolean }).__done === true),
  },
  { name: 'a body with no text', path: 'hostile/empty.html', marks: false },
];

/** Wait for a page's own scripts to finish setting it up (pages that build themselves set __done). */
export const pageReady = (page: AnyPage) => until(page, () => (window as unknown as { __done?: boolean }).__done !== false);
