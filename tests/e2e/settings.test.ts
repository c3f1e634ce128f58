/**
 * Popup, options page and live settings in both browsers: the article list and
 * its jump, a custom glossary entry marked on a page, a broken import that
 * changes nothing, explain-a-selection, and a per-site mute that survives a
 * browser restart.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../../scripts/lib/browsers';
import { waitIdle } from '../../scripts/lib/status';
import { ExtensionPage } from '../../scripts/lib/extension-page';
import {
  eachBrowser,
  BROWSERS,
  toggleCategory,
  waitForHighlight,
  idle,
  status,
  marks,
  open,
  openPopup,
  setSettings,
  shot,
  sleep,
  waitFor,
  waitForCard,
  hover,
} from './support';
import type { AnyPage } from '../../scripts/lib/browsers';

/** Put a file into an <input type=file> and fire change, as a reader choosing a file would. */
async function chooseFile(page: AnyPage, selector: string, name: string, text: string) {
  // The options page renders after it has read storage: wait for the input first.
  const end = Date.now() + 10_000;
  while (!(await page.evaluate((sel) => Boolean(document.querySelector(sel)), selector)) && Date.now() < end) await sleep(50);
  await page.evaluate(
    ([sel, n, body]) => {
      const input = document.querySelector(sel) as HTMLInputElement;
      const dt = new DataTransfer();
      dt.items.add(new File([body], n, { type: 'application/json' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [selector, name, text] as [string, string, string],
  );
}

const glossary = (page: AnyPage) => new ExtensionPage(page).glossaryIds();

const ENTRY = [
  {
    id: 'backstory-test-desk',
    type: 'organization',
    name: 'Backstory Test Desk',
    aliases: [],
    summary: 'The invented newsroom that writes our fixture articles.',
    facts: [{ label: 'Founded', value: '2026' }],
    links: { official: 'https://example.org/desk' },
    reviewed: '2026-11-29',
  },
];

eachBrowser('popup, options and settings', (browser, env) => {
  test('"In this article" lists the entities by type, and a click jumps to the first mention and opens its card', async () => {
    const page = await open(env, 'articles/red-sea-shipping.html');
    const popup = await openPopup(env);
    await waitFor(popup, () => document.querySelectorAll('.found li').length > 5);
    await popup.evaluate(() => ((document.querySelector('details.more') as HTMLDetailsElement).open = true), null);
    await shot(popup, `${browser}-popup-settings`);
    const groups = await popup.evaluate(() => Array.from(document.querySelectorAll('.found h3')).map((h) => h.textContent), null);
    assert.ok(groups.includes('Places') && groups.includes('Organisations'), JSON.stringify(groups));
    await popup.evaluate(
      () =>
        (
          Array.from(document.querySelectorAll('.found button')).find((b) => b.textContent?.startsWith('Operation Prosperity Guardian')) as HTMLButtonElement
        ).click(),
      null,
    );
    await page.bringToFront?.();
    const shown = await waitForCard(page);
    assert.equal(shown.name, 'Operation Prosperity Guardian');
    const visible = await page.evaluate(() => {
      const h = CSS.highlights.get('backstory-focus');
      const r = h ? [...h][0] : null;
      const b = r instanceof Range ? r.getBoundingClientRect() : undefined;
      return Boolean(b && b.top >= 0 && b.bottom <= innerHeight);
    }, null);
    assert.ok(visible, 'the first mention is scrolled into view and focused');
    await shot(page, `${browser}-jump-card`);
    await popup.close();
    await page.close();
  });

  test('after a setting changes in the popup, "In this article" follows the page and "On this site" stays', async () => {
    const page = await open(env, 'articles/red-sea-shipping.html');
    const popup = await openPopup(env);
    await waitFor(popup, () => document.querySelectorAll('.found h3').length > 1);
    const groups = () => popup.evaluate(() => Array.from(document.querySelectorAll('.found h3')).map((h) => h.textContent), null);
    assert.ok((await groups()).includes('Places'));
    const before = (await status(env, page)).settled;
    // Switch off the Places category in the popup, as a reader would.
    await toggleCategory(popup, 'Places');
    // The page applied it (its own word), and the popup shows what the page now reports.
    await idle(env, page, before);
    await waitFor(popup, () => !Array.from(document.querySelectorAll('.found h3')).some((h) => h.textContent === 'Places'));
    const view = await popup.evaluate(
      () => ({
        site: Boolean(document.querySelector('.site input')),
        text: document.querySelector('.found')?.textContent ?? '',
        groups: document.querySelectorAll('.found h3').length,
      }),
      null,
    );
    assert.ok(view.site, '"On this site" is still there');
    assert.ok(view.groups > 0, `"In this article" still lists the page: ${view.text.slice(0, 120)}`);
    // Pushed, not polled: a later change shows up too.
    await toggleCategory(popup, 'Places');
    await waitFor(popup, () => Array.from(document.querySelectorAll('.found h3')).some((h) => h.textContent === 'Places'));
    await shot(popup, `${browser}-popup-after-change`);
    await popup.close();
    await page.close();
  });

  test('a custom glossary entry is marked on a page at once; a broken import changes nothing', async () => {
    const options = await env.session.openExtensionPage('options.html');
    await chooseFile(options, '#glossary-h ~ .tools input[type=file]', 'mine.json', JSON.stringify(ENTRY));
    await waitFor(options, () => /Imported 1 entries/.test(document.body.textContent ?? ''));
    assert.deepEqual(await glossary(options), ['backstory-test-desk']);
    await chooseFile(options, '#glossary-h ~ .tools input[type=file]', 'broken.json', '[{"id": "x", "name": 5}, {broken');
    await waitFor(options, () => /Nothing was imported/.test(document.body.textContent ?? ''));
    await chooseFile(options, '#glossary-h ~ .tools input[type=file]', 'bad.json', JSON.stringify([{ ...ENTRY[0], id: 'other', summary: '<b>x</b>' }]));
    await waitFor(options, () => /entry 1 \(other\), summary/.test(document.body.textContent ?? ''));
    assert.deepEqual(await glossary(options), ['backstory-test-desk'], 'the broken imports left the glossary as it was');
    await shot(options, `${browser}-options`);

    const page = await open(env, 'articles/putin-xi-beijing.html');
    await waitForHighlight(page, 'backstory-dotted', 'Backstory Test Desk');
    await hover(page, 'Backstory Test Desk');
    const shown = await waitForCard(page);
    assert.equal(shown.name, 'Backstory Test Desk');
    assert.match(shown.text, /From your glossary/);
    // Deleting the entry removes its mark live.
    await new ExtensionPage(options).setGlossary([]);
    await page.keyboard.press('Escape');
    await waitForHighlight(page, 'backstory-dotted', 'Backstory Test Desk', false);
    await options.close();
    await page.close();
  });

  test('explain a selection: a known name opens its card, an unknown one says so', async () => {
    const page = await open(env, 'articles/eu-ukraine-summit.html');
    const select = (text: string) =>
      page.evaluate((t) => {
        const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = w.nextNode(); n; n = w.nextNode()) {
          const i = (n as Text).data.indexOf(t);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + t.length);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(r);
          return true;
        }
        return false;
      }, text);
    const ask = async (text: string) => {
      const ext = await ExtensionPage.open(env.session);
      await ext.broadcast({ type: 'explain', text });
      await ext.close();
    };
    assert.ok(await select('Kyiv'));
    await ask('Kyiv');
    assert.equal((await waitForCard(page)).name, 'Kyiv');
    await page.keyboard.press('Escape');
    assert.ok(await select('windfall profits'));
    await ask('windfall profits');
    const unknown = await waitForCard(page);
    assert.equal(unknown.name, 'Not in Backstory');
    assert.match(unknown.text, /Add to my glossary/);
    await shot(page, `${browser}-explain-unknown`);
    await page.close();
  });

  test('the settings reach open tabs live: style and mark mode', async () => {
    const page = await open(env, 'articles/medvedev-putin-2010.html');
    const first = (await marks(page)).length;
    await setSettings(env, { mark: 'every', style: 'background' });
    await waitFor(page, () => (CSS.highlights.get('backstory-background')?.size ?? 0) > 0);
    assert.ok((await marks(page)).length > first);
    await shot(page, `${browser}-style-background`);
    await setSettings(env, { mark: 'none' });
    await waitFor(page, () => CSS.highlights.size === 0);
    // Hover still works with no marks.
    await hover(page, 'Gazprom');
    assert.equal((await waitForCard(page)).name, 'Gazprom');
    await setSettings(env, {});
    await page.close();
  });
});

for (const browser of BROWSERS) {
  test(`${browser}: a per-site mute survives a browser restart`, async () => {
    const dir = mkdtempSync(join(tmpdir(), `backstory-profile-${browser}-`));
    const { serveFixtures } = await import('../../scripts/lib/server');
    const server = await serveFixtures('tests/fixtures');
    try {
      let session = await launch(browser, { userDataDir: dir });
      let page = await session.newPage();
      await page.goto(`${server.origin}/articles/red-sea-shipping.html`);
      await waitFor(page, () => CSS.highlights.size > 0, 10_000);
      const ext = await ExtensionPage.open(session);
      await ext.setSettings({ sites: { '127.0.0.1': 'never' } });
      await waitFor(page, () => CSS.highlights.size === 0);
      await session.close();

      session = await launch(browser, { userDataDir: dir });
      page = await session.newPage();
      await page.goto(`${server.origin}/articles/red-sea-shipping.html`);
      // The script runs after the restart and says the site is muted; only then is "no marks" evidence.
      const probe = await session.openExtensionPage('popup.html?tab=0');
      const after = await waitIdle(probe, page);
      assert.equal(after.reason, 'muted', 'the content script reports the site as muted after restart');
      assert.equal(await page.evaluate(() => CSS.highlights.size, null), 0, 'still muted after restart');
      await session.close();
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
