/**
 * Pages shaped like real news sites (header, "most read", newsletter box, footer around the
 * article): every name the page lists as expected is marked, and no name it lists as outside
 * the article is, in both browsers. With "Look in: the whole page" the furniture is marked too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { eachBrowser, idle, marks, open, setSettings, status } from './support';

const DIR = 'tests/fixtures/layouts';
const PAGES = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort();
const meta = (html: string, name: string) => (new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(html)?.[1] ?? '').split('|').filter(Boolean);
const norm = (s: string) => s.replace(/[’']/g, "'").normalize('NFC');

eachBrowser(
  'article scope on real layouts',
  (_browser, env) => {
    test('each page: every expected article name is marked; nothing outside the article is', async () => {
      assert.ok(PAGES.length >= 10, `only ${PAGES.length} layout pages`);
      const failures: string[] = [];
      for (const file of PAGES) {
        const html = readFileSync(`${DIR}/${file}`, 'utf8');
        const page = await open(env, `layouts/${file}`);
        const got = new Set((await marks(page)).map(norm));
        for (const name of meta(html, 'backstory-expect')) if (!got.has(norm(name))) failures.push(`${file}: "${name}" not marked`);
        for (const name of meta(html, 'backstory-unmarked')) if (got.has(norm(name))) failures.push(`${file}: "${name}" marked outside the article`);
        await page.close();
      }
      assert.deepEqual(failures, []);
    });

    test('"Look in: the whole page" marks the site furniture too, live', async () => {
      const file = PAGES.find((f) => f.startsWith('wire'))!;
      const html = readFileSync(`${DIR}/${file}`, 'utf8');
      const outside = meta(html, 'backstory-unmarked');
      const page = await open(env, `layouts/${file}`);
      const before = (await status(env, page)).settled;
      await setSettings(env, { mark: 'every', scope: 'page' });
      await idle(env, page, before);
      const got = new Set((await marks(page)).map(norm));
      const now = outside.filter((n) => got.has(norm(n)));
      assert.ok(now.length >= outside.length / 2, `whole page marked only ${JSON.stringify(now)} of ${JSON.stringify(outside)}`);
      await page.close();
    });
  },
  { settings: { mark: 'every' } },
);
