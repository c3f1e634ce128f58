/**
 * The walking skeleton end to end, in Chromium and Firefox: marks on the
 * fixture articles, the card on hover, Esc, the popup switches applying live,
 * the page's DOM untouched and no console errors.
 */
import type { AnyPage } from '../../scripts/lib/browsers';
import { ExtensionPage } from '../../scripts/lib/extension-page';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { bodyComparison, card, eachBrowser, found, hover, marks, open, openPopup, shot, waitFor, waitForCard } from './support';

/** Write settings from an extension page, as the popup would. */
const setSettings = (extPage: AnyPage, value: Record<string, unknown>) => new ExtensionPage(extPage).setSettings(value);

/** Byte-identical, with a short excerpt around the first difference when not. */
function assertSameHtml(live: string, original: string) {
  if (live === original) return;
  let i = 0;
  while (i < live.length && live[i] === original[i]) i++;
  assert.fail(
    `body.innerHTML changed at ${i}: live …${JSON.stringify(live.slice(i - 60, i + 60))}… original …${JSON.stringify(original.slice(i - 60, i + 60))}…`,
  );
}

const ARTICLES = ['putin-xi-beijing', 'eu-ukraine-summit', 'red-sea-shipping', 'medvedev-putin-2010', 'world-roundup', 'arms-control-ukraine'];
const read = (f: string) => JSON.parse(readFileSync(`tests/fixtures/articles/${f}`, 'utf8')) as string[];

eachBrowser(
  'skeleton',
  (browser, env) => {
    for (const article of ARTICLES) {
      test(`${article}: marks the expected names and finds the expected entities`, async () => {
        const page = await open(env, `articles/${article}.html`);
        assert.deepEqual(await marks(page), read(`${article}.marks.json`));
        assert.deepEqual(
          await found(env),
          [...read(`${article}.expected.json`)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        );
        await page.close();
      });
    }

    test('hovering a name shows its card beside it; Esc closes it; the DOM is untouched', async () => {
      const page = await open(env, 'articles/putin-xi-beijing.html');
      // "<a>Xi</a> Jinping": hovering the second half, in another node, still finds the whole name.
      const box = await hover(page, 'Jinping');
      const shown = await waitForCard(page);
      assert.equal(shown.name, 'Xi Jinping');
      assert.match(shown.text, /Wikipedia/);
      // Beside the name, not over it.
      const overlaps =
        shown.rect.left < box.left + box.width && shown.rect.right > box.left && shown.rect.top < box.top + box.height && shown.rect.bottom > box.top;
      assert.equal(overlaps, false, 'card covers the hovered name');
      const dom = await bodyComparison(page);
      assert.equal(dom.hosts, 1);
      assert.equal(dom.hostsInBody, 0);
      assertSameHtml(dom.live, dom.original);
      // After the DOM check: Playwright's screenshot touches text fields to hide their caret.
      await shot(page, `${browser}-card-xi`);
      await page.keyboard.press('Escape');
      await waitFor(page, () => !document.querySelector('backstory-card')?.shadowRoot?.querySelector('.wrap:not([hidden]):not(.prepared)'));
      assert.equal(await card(page), null);
      await page.close();
    });

    test('a surname after the full name shows the full card, and the card shows facts for the article date', async () => {
      const page = await open(env, 'articles/medvedev-putin-2010.html');
      await hover(page, 'Putin');
      const shown = await waitForCard(page);
      assert.equal(shown.name, 'Vladimir Putin');
      assert.match(shown.text, /Prime Minister/);
      assert.doesNotMatch(shown.text, /President of Russia/);
      await shot(page, `${browser}-card-dated`);
      await page.close();
    });

    test('nothing inside pre, code, textarea or script is marked', async () => {
      const page = await open(env, 'articles/putin-xi-beijing.html');
      const inside = await page.evaluate(() => {
        const h = CSS.highlights.get('backstory-dotted');
        let bad = 0;
        for (const r of h ?? []) if (r.startContainer.parentElement?.closest('pre,code,textarea,script,style')) bad++;
        return bad;
      }, null);
      assert.equal(inside, 0);
      await page.close();
    });

    test('the popup switches remove and restore marks in an open tab without reload', async () => {
      const page = await open(env, 'articles/red-sea-shipping.html');
      const before = (await marks(page)).length;
      assert.ok(before > 5);
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42), null);
      const popup = await openPopup(env);
      await shot(popup, `${browser}-popup`);
      await popup.evaluate(() => (document.querySelector('input[aria-label="Backstory on"]') as HTMLInputElement).click(), null);
      await waitFor(page, () => CSS.highlights.size === 0);
      await popup.evaluate(() => (document.querySelector('input[aria-label="Backstory on"]') as HTMLInputElement).click(), null);
      await waitFor(page, () => CSS.highlights.size > 0);
      assert.equal((await marks(page)).length, before);
      // "On this site" mutes the hostname and is persisted in settings.
      await popup.evaluate(() => (document.querySelector('.site input') as HTMLInputElement).click(), null);
      await waitFor(page, () => CSS.highlights.size === 0);
      await popup.evaluate(() => (document.querySelector('.site input') as HTMLInputElement).click(), null);
      await waitFor(page, () => CSS.highlights.size > 0);
      // Same document all along: no reload happened.
      assert.equal(await page.evaluate(() => (window as unknown as { marker: number }).marker, null), 42);
      await popup.close();
      await page.close();
    });

    test('every-mention mode marks split names, possessives and surnames after the full name', async () => {
      const page = await open(env, 'articles/putin-xi-beijing.html');
      const popup = await openPopup(env);
      await setSettings(popup, { mark: 'every' });
      await waitFor(page, () => (CSS.highlights.get('backstory-dotted')?.size ?? 0) > 60);
      const all = await marks(page);
      // <strong>Vladimir</strong> Putin is one mark across two elements.
      assert.ok(all.includes('Vladimir Putin'));
      // "Putin’s" marks "Putin", without the possessive.
      assert.ok(all.filter((t) => t === 'Putin').length >= 3);
      assert.ok(!all.some((t) => /['’]s$/.test(t)));
      // "Xi" alone is marked only after "Xi Jinping" appeared: the headline's "Xi" is not.
      const headline = await page.evaluate(() => document.querySelector('h1')!.textContent!, null);
      assert.match(headline, /\bXi\b/);
      const firstXi = all.indexOf('Xi');
      assert.ok(firstXi > all.indexOf('Xi Jinping'));
      await setSettings(popup, {});
      await popup.close();
      await page.close();
    });

    test('leaders named in full and then by surname; a conflict, a treaty and weapons systems', async () => {
      const page = await open(env, 'articles/world-roundup.html');
      const popup = await openPopup(env);
      await setSettings(popup, { mark: 'every' });
      await waitFor(page, () => (CSS.highlights.get('backstory-dotted')?.size ?? 0) > 27);
      const all = await marks(page);
      assert.ok(all.indexOf('Lula') > all.indexOf('Luiz Inácio Lula da Silva'));
      assert.ok(all.indexOf('Modi') > all.indexOf('Narendra Modi'));
      await setSettings(popup, {});
      await popup.close();
      await page.close();
      const arms = await open(env, 'articles/arms-control-ukraine.html');
      const m = await marks(arms);
      for (const name of [
        'war in Ukraine',
        'New START',
        'Treaty on the Non-Proliferation of Nuclear Weapons',
        'ATACMS missiles',
        'Patriot',
        'Iron Dome batteries',
      ])
        assert.ok(m.includes(name), name);
      await arms.close();
    });

    test('no console errors on any page', () => {
      assert.deepEqual(env.errors, []);
    });
  },
  {},
);
