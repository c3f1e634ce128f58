/**
 * Lifecycle: an extension reload or update retires old content scripts cleanly
 * (no "Extension context invalidated" errors, marks removed), new ones take over
 * on the next load; the back/forward cache keeps marks and the card working.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser as ExtApi } from 'webextension-polyfill';
import { BROWSERS, hover, open, sleep, start, stop, waitFor, waitForCard, type Env } from './support';

// Passed to the page as source: it must not refer to anything outside itself.
const size = () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size;
const marked = () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0;
const unmarked = () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size === 0;

for (const browser of BROWSERS) {
  describe(`lifecycle in ${browser}`, () => {
    let env: Env;
    before(async () => {
      env = await start(browser);
    });
    after(async () => {
      await stop(env);
    });

    test('back/forward cache: marks and the card still work after going back', async () => {
      const page = await open(env, 'articles/red-sea-shipping.html');
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7), null);
      await page.goto(`${env.server.origin}/articles/eu-ukraine-summit.html`, { waitUntil: 'load' });
      await waitFor(page, marked, 10_000);
      await page.evaluate(() => history.back(), null);
      await waitFor(page, () => location.pathname.endsWith('red-sea-shipping.html') && document.readyState === 'complete', 10_000);
      await waitFor(page, marked, 10_000);
      await hover(page, 'Maersk');
      assert.equal((await waitForCard(page)).name, 'Maersk');
      await page.close();
    });

    test('an extension reload retires old content scripts cleanly: marks gone, no card, no errors', async () => {
      const page = await open(env, 'articles/medvedev-putin-2010.html');
      assert.ok((await page.evaluate(size, null)) > 0);
      const ext = await env.session.openExtensionPage('popup.html?tab=0');
      await ext.evaluate(() => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome: ExtApi };
        setTimeout(() => (g.browser ?? g.chrome).runtime.reload(), 50);
      }, null).catch(() => {});
      if (browser === 'chromium') {
        // The old script notices and stops: its marks go, and pointer events no longer reach it.
        await waitFor(page, unmarked, 15_000);
        await hover(page, 'Gazprom');
        await sleep(800);
        const shown = await page.evaluate(() => Boolean(document.querySelector('backstory-card')?.shadowRoot?.querySelector('.wrap:not([hidden])')), null);
        assert.equal(shown, false, 'a retired script showed a card');
      } else {
        // Firefox injects the reloaded add-on's content script into open tabs at once; it announces itself,
        // the old one retires, and the new one marks the page and answers hovers: exactly one card host.
        await sleep(2000);
        await waitFor(page, marked, 15_000);
        await hover(page, 'Gazprom');
        assert.equal((await waitForCard(page)).name, 'Gazprom');
        assert.equal(await page.evaluate(() => document.querySelectorAll('backstory-card').length, null), 1);
      }
      // A reloaded unpacked extension does not come back under browser automation (Chromium reports
      // ERR_BLOCKED_BY_CLIENT for its pages afterwards), so the takeover by new scripts on the next page
      // load is covered by every other test, which loads pages with a freshly started extension.
      assert.deepEqual(env.errors.filter((e) => /context invalidated|Extension context/i.test(e)), []);
      await page.close();
    });

    test('no console errors', () => {
      assert.deepEqual(env.errors, []);
    });
  });
}
