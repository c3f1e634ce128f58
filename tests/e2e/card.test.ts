/**
 * The card's placement, keyboard path, touch, themes, related swap and the
 * bottom sheet, in both browsers, with screenshots to check by eye.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExtensionPage } from '../../scripts/lib/extension-page';
import {
  eachBrowser,
  card,
  highlightTexts,
  hover,
  locateText,
  open,
  setSettings,
  shot,
  sleep,
  waitFor,
  waitForCard,
  type Box,
  type CardInfo,
  type Env,
} from './support';
import type { AnyPage } from '../../scripts/lib/browsers';

const EDGE = 5;

function assertPlaced(c: NonNullable<CardInfo>, name: Box, viewport: { width: number; height: number }) {
  assert.ok(c.rect.left >= EDGE - 0.5 && c.rect.right <= viewport.width - EDGE + 0.5, `card off-screen horizontally: ${JSON.stringify(c.rect)}`);
  assert.ok(c.rect.top >= EDGE - 0.5 && c.rect.bottom <= viewport.height - EDGE + 0.5, `card off-screen vertically: ${JSON.stringify(c.rect)}`);
  const overlaps = c.rect.left < name.left + name.width && c.rect.right > name.left && c.rect.top < name.top + name.height && c.rect.bottom > name.top;
  assert.equal(overlaps, false, 'card covers the hovered name');
}

const viewport = (page: AnyPage) => page.evaluate(() => ({ width: innerWidth, height: innerHeight }), null);

async function navigate(env: Env, step: 1 | -1) {
  const ext = await ExtensionPage.open(env.session);
  await ext.broadcast({ type: 'navigate', step });
  await ext.close();
}

eachBrowser(
  'the card',
  (browser, env) => {
    test('placed beside the name in the middle, and flipped or shifted near each edge', async () => {
      const page = await open(env, 'card/layout.html');
      const vp = await viewport(page);
      for (const [text, expectName, file] of [
        ['Weibo', 'Weibo', 'middle'],
        ['Reuters', 'Reuters', 'right-edge'],
        ['Gazprom', 'Gazprom', 'bottom-edge'],
      ] as const) {
        const box = await hover(page, text);
        const c = await waitForCard(page);
        assert.equal(c.name, expectName);
        assertPlaced(c, box, vp);
        if (file === 'bottom-edge') assert.ok(c.rect.bottom <= box.top, 'flipped above the name');
        await shot(page, `${browser}-card-${file}`);
        await page.keyboard.press('Escape');
        await waitFor(page, () => !document.querySelector('backstory-card')?.shadowRoot?.querySelector('.wrap:not([hidden]):not(.prepared)'));
      }
      await page.close();
    });

    test('a name wrapped over two lines works on both halves', async () => {
      const page = await open(env, 'card/layout.html');
      const lines = await page.evaluate(() => {
        const p = document.getElementById('narrow')!;
        const t = p.firstChild as Text;
        const i = t.data.indexOf('Shanghai Cooperation Organisation');
        const r = document.createRange();
        r.setStart(t, i);
        r.setEnd(t, i + 'Shanghai Cooperation Organisation'.length);
        return Array.from(r.getClientRects()).map((b) => ({ x: b.left + b.width / 2, y: b.top + b.height / 2 }));
      }, null);
      assert.ok(lines.length >= 2, 'the name wraps');
      for (const [i, at] of [lines[0], lines.at(-1)!].entries()) {
        await page.mouse.move(at.x + 30, at.y + 80);
        await sleep(50);
        await page.mouse.move(at.x, at.y, { steps: 3 });
        const c = await waitForCard(page);
        assert.equal(c.name, 'Shanghai Cooperation Organisation');
        if (i === 1) await shot(page, `${browser}-card-wrapped`);
        await page.keyboard.press('Escape');
        await waitFor(page, () => !document.querySelector('backstory-card')?.shadowRoot?.querySelector('.wrap:not([hidden]):not(.prepared)'));
      }
      await page.close();
    });

    // Browser shortcuts (Alt+Shift+N/P) are handled by the browser, which automation cannot press: this drives the
    // next/previous-mention message the background sends for those commands, and the keyboard inside the card.
    test('next/previous-mention message (sent by the keyboard commands): opens the card with focus inside; Tab reaches the links; Esc closes and gives focus back', async () => {
      const page = await open(env, 'articles/putin-xi-beijing.html');
      await page.evaluate(() => (document.querySelector('a') as HTMLElement).focus(), null);
      await navigate(env, 1);
      await navigate(env, 1);
      const c = await waitForCard(page);
      assert.equal(c.name, 'Beijing');
      const focus = await page.evaluate(() => {
        const host = document.querySelector('backstory-card')!;
        return { inCard: document.activeElement === host, label: host.shadowRoot!.activeElement?.getAttribute('aria-label') };
      }, null);
      assert.deepEqual(focus, { inCard: true, label: 'Close' });
      const focusMark = await highlightTexts(page, 'backstory-focus');
      assert.deepEqual(focusMark, ['Beijing']);
      const reached: string[] = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        const el = await page.evaluate(() => {
          const a = document.querySelector('backstory-card')?.shadowRoot?.activeElement as HTMLElement | null;
          return a ? `${a.tagName}:${a.textContent}` : null;
        }, null);
        if (el) reached.push(el);
      }
      assert.ok(
        reached.some((r) => r === 'A:Wikipedia'),
        `Tab reached ${JSON.stringify(reached)}`,
      );
      await shot(page, `${browser}-card-keyboard`);
      await page.keyboard.press('Escape');
      await waitFor(page, () => !document.querySelector('backstory-card')?.shadowRoot?.querySelector('.wrap:not([hidden]):not(.prepared)'));
      assert.equal(await page.evaluate(() => document.activeElement?.tagName, null), 'A');
      await navigate(env, -1);
      // Back from the second mark is the first mark: "Putin" in the headline.
      assert.equal((await waitForCard(page)).name, 'Vladimir Putin');
      await page.close();
    });

    test('related names swap the card, with a way back; dark theme', async () => {
      await setSettings(env, { where: 'all', theme: 'dark' });
      const page = await open(env, 'articles/putin-xi-beijing.html');
      await hover(page, 'Gazprom');
      assert.equal((await waitForCard(page)).name, 'Gazprom');
      // The dark theme is what the card computes, not only what a screenshot shows: a dark surface, light text.
      const colours = await page.evaluate(() => {
        const wrap = document.querySelector('backstory-card')!.shadowRoot!.querySelector('.wrap') as HTMLElement;
        let el: HTMLElement | null = (wrap.querySelector('.card') as HTMLElement | null) ?? wrap;
        let bg = getComputedStyle(el).backgroundColor;
        while (el && /rgba\(0, 0, 0, 0\)|transparent/.test(bg)) {
          el = el.parentElement;
          if (el) bg = getComputedStyle(el).backgroundColor;
        }
        const fg = getComputedStyle(wrap.querySelector('h2')!).color;
        // Relative luminance of each (no named helper: the test bundler would wrap it in a name it cannot see here).
        return [bg, fg].map((c) => {
          const [r, g, b] = (c.match(/[\d.]+/g) ?? []).map(Number);
          return { raw: c, lum: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 };
        });
      }, null);
      const [bgc, fgc] = colours;
      assert.ok(bgc.lum < 0.25, `dark theme background ${bgc.raw}`);
      assert.ok(fgc.lum > 0.7, `dark theme text ${fgc.raw}`);
      await shot(page, `${browser}-card-dark`);
      const chip = await page.evaluate(() => {
        const b = document.querySelector('backstory-card')!.shadowRoot!.querySelector('.chip') as HTMLButtonElement;
        const name = b.textContent;
        b.click();
        return name;
      }, null);
      await waitFor(page, () => Boolean(document.querySelector('backstory-card')!.shadowRoot!.querySelector('.back')));
      assert.equal((await card(page))!.name, chip);
      await shot(page, `${browser}-card-related`);
      await page.evaluate(() => (document.querySelector('backstory-card')!.shadowRoot!.querySelector('.back') as HTMLButtonElement).click(), null);
      await waitFor(page, () => document.querySelector('backstory-card')!.shadowRoot!.querySelector('h2')?.textContent === 'Gazprom');
      await setSettings(env, { where: 'all' });
      await page.close();
    });

    test('touch: a tap on a name opens its card, a tap outside closes it', async () => {
      const page = await open(env, 'articles/red-sea-shipping.html');
      const box = (await locateText(page, 'Maersk'))!;
      // Chromium gets real touch input (a touch-enabled context). Puppeteer cannot send touch over WebDriver
      // BiDi to Firefox, so there the page receives the pointer events a tap produces (pointerType "touch").
      const tap = async (x: number, y: number) => {
        if (browser === 'chromium') return page.touchscreen!.tap(x, y);
        await page.evaluate(
          ([px, py]) => {
            const target = document.elementFromPoint(px, py) ?? document.body;
            for (const type of ['pointerdown', 'pointerup']) {
              target.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'touch', isPrimary: true, clientX: px, clientY: py }));
            }
          },
          [x, y] as [number, number],
        );
      };
      await tap(box.x, box.y);
      assert.equal((await waitForCard(page)).name, 'Maersk');
      await shot(page, `${browser}-card-touch`);
      await tap(5, 5);
      await waitFor(page, () => !document.querySelector('backstory-card')?.shadowRoot?.querySelector('.wrap:not([hidden]):not(.prepared)'));
      await page.close();
    });

    test('a place card draws its locator map, loaded on first use', async () => {
      const page = await open(env, 'articles/putin-xi-beijing.html');
      await hover(page, 'Taiwan');
      assert.equal((await waitForCard(page)).name, 'Taiwan');
      await waitFor(page, () => Boolean(document.querySelector('backstory-card')!.shadowRoot!.querySelector('svg.map path.focus')));
      const d = await page.evaluate(() => document.querySelector('backstory-card')!.shadowRoot!.querySelector('svg.map path.focus')!.getAttribute('d'), null);
      assert.match(d ?? '', /^M/);
      await shot(page, `${browser}-card-map`);
      await page.close();
    });

    test('on a narrow viewport the card is a bottom sheet', async () => {
      const page = await env.session.newPage();
      await (page.setViewportSize ? page.setViewportSize({ width: 400, height: 760 }) : page.setViewport!({ width: 400, height: 760 }));
      await page.goto(`${env.server.origin}/articles/eu-ukraine-summit.html`);
      await waitFor(page, () => CSS.highlights.size > 0, 10_000);
      await hover(page, 'HIMARS');
      const c = await waitForCard(page);
      const vp = await viewport(page);
      assert.ok(Math.abs(c.rect.bottom - vp.height) <= 1 && c.rect.left <= 1 && c.rect.right >= vp.width - 1, JSON.stringify(c.rect));
      await shot(page, `${browser}-card-sheet`);
      await page.close();
    });
  },
  { settings: { where: 'all' }, launch: (b) => ({ hasTouch: b === 'chromium' }) },
);
