/**
 * Hostile pages, in both browsers. Each page is loaded twice, with Backstory switched off and on,
 * and the two runs are compared: the DOM (body.innerHTML) is byte-identical, selecting the text and
 * a real Select All + Copy give the same string, and Backstory causes no console error or uncaught
 * exception. Each run waits for the content script to report that it is idle before it compares,
 * so the "off" run proves the script ran and chose not to mark. No request leaves the machine.
 * Durations and memory (longest task, heap after the mutation soak) are budgets of `npm run bench`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generatePages } from '../../scripts/bench/pages';
import { CLIPBOARD_SENTINEL } from '../../scripts/lib/browsers';
import { HOSTILE_KINDS, pageReady, type HostileKind } from '../../scripts/lib/hostile-pages';
import { eachBrowser, MARK_NAMES, hover, idle, setSettings, waitForCard, type Env } from './support';

const CSP = "default-src 'none'";

/** Ranges registered under our mark names (read as a page script could). Passed as source: self-contained. */
const markCount = (names: string[]) => names.reduce((n, name) => n + (CSS.highlights.get(name)?.size ?? 0), 0);
/** Marks whose text lies inside an <svg> (never allowed). */
const svgMarks = (names: string[]) => {
  let n = 0;
  for (const name of names) {
    const h = CSS.highlights.get(name);
    for (const r of h ?? []) if (r.startContainer.parentElement?.closest('svg')) n++;
  }
  return n;
};

type Snapshot = { html: string; selection: string; copied: string; marks: number; inSvg: number; errors: string[]; reason?: string };

async function snapshot(env: Env, kind: HostileKind, on: boolean): Promise<Snapshot> {
  const page = await env.session.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${env.server.origin}/${kind.path}`, { waitUntil: 'load' });
  await pageReady(page);
  if (kind.drive) await kind.drive(page);
  // The content script's own word that it has done everything asked of it (both runs).
  const status = await idle(env, page);
  if (on && kind.hover) {
    await hover(page, kind.hover);
    await waitForCard(page);
  }
  const result = await page.evaluate(() => {
    const sel = getSelection()!;
    sel.removeAllRanges();
    const r = document.createRange();
    r.selectNodeContents(document.body);
    sel.addRange(r);
    const selection = sel.toString();
    sel.removeAllRanges();
    return { html: document.body.innerHTML, selection };
  }, null);
  const marks = await page.evaluate(markCount, MARK_NAMES);
  const inSvg = await page.evaluate(svgMarks, MARK_NAMES);
  // And as a reader does it, with the card still open in the "on" run: Select All, Copy, read the clipboard.
  const copied = await env.session.selectAllAndCopy(page);
  await page.close();
  // Favicon requests include the port, which changes between runs.
  return { ...result, marks, inSvg, copied, reason: status.reason, errors: errors.map((e) => e.replace(/:\d+\//g, ':PORT/')) };
}

eachBrowser(
  'hostile pages',
  (_browser, env) => {
    for (const kind of HOSTILE_KINDS) {
      test(`${kind.name}: DOM, selection, copy and console untouched`, async () => {
        await setSettings(env, { enabled: false });
        const off = await snapshot(env, kind, false);
        await setSettings(env, { where: 'all' });
        const on = await snapshot(env, kind, true);
        assert.equal(off.reason, 'disabled', 'the "off" run was switched off, and its script said so');
        assert.equal(off.marks, 0);
        // Errors the page makes by itself (a strict CSP blocking its own favicon) appear with Backstory off too.
        assert.deepEqual(
          on.errors.filter((e) => !off.errors.includes(e)),
          [],
          'console errors caused by Backstory',
        );
        if (kind.marks) assert.ok(on.marks > 0, 'Backstory marked something');
        else assert.equal(on.marks, 0, 'nothing to mark on this page');
        assert.equal(on.inSvg, 0, 'marks inside SVG text');
        if (on.html !== off.html) {
          let i = 0;
          while (on.html[i] === off.html[i]) i++;
          assert.fail(
            `body.innerHTML differs at ${i}: on …${JSON.stringify(on.html.slice(i - 40, i + 40))}… off …${JSON.stringify(off.html.slice(i - 40, i + 40))}…`,
          );
        }
        assert.equal(on.selection, off.selection, 'selected text differs');
        if (!kind.path.includes('empty')) assert.notEqual(off.copied, CLIPBOARD_SENTINEL, 'Select All + Copy copied nothing');
        assert.equal(on.copied, off.copied, 'Select All + Copy gives different text');
      });
    }

    test('no request left the machine', () => {
      const outside = env.session.requests.filter(
        (u) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|chrome-extension:|moz-extension:|data:|blob:|about:)/.test(u),
      );
      assert.deepEqual(outside, []);
    });
  },
  {
    settings: {},
    headers: { '/hostile/csp.html': { 'content-security-policy': CSP } },
    setup: async () => {
      const { names } = await import('./names');
      generatePages('tests/fixtures/bench', names);
    },
  },
);
