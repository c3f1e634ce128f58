/**
 * Date-aware aliases end to end, in Chromium and Firefox: the same title alone ("Khamenei", no full
 * name before it) is marked as the entity that held it on the article's date (`article:published_time`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eachBrowser, found, hover, marks, open, waitForCard } from './support';

const CASES = [
  { article: 'khamenei-2025', date: '2025-09-10', id: 'ali-khamenei', name: 'Ali Khamenei', other: 'mojtaba-khamenei' },
  { article: 'khamenei-2026', date: '2026-06-15', id: 'mojtaba-khamenei', name: 'Mojtaba Khamenei', other: 'ali-khamenei' },
];

eachBrowser(
  'dated aliases',
  (_browser, env) => {
    for (const c of CASES) {
      test(`${c.article} (published ${c.date}): "Khamenei" alone is ${c.id}`, async () => {
        const page = await open(env, `articles/${c.article}.html`);
        assert.ok((await marks(page)).includes('Khamenei'), '"Khamenei" is marked');
        const ids = await found(env);
        assert.ok(ids.includes(c.id), `${c.id} found: ${ids.join(', ')}`);
        assert.ok(!ids.includes(c.other), `${c.other} not found: ${ids.join(', ')}`);
        await hover(page, 'Khamenei');
        const shown = await waitForCard(page);
        assert.equal(shown.name, c.name);
        await page.close();
      });
    }

    test('no console errors on any page', () => {
      assert.deepEqual(env.errors, []);
    });
  },
  {},
);
