/**
 * The spotting engine on a table-driven page: each case carries its expected
 * marks as data (tests/fixtures/engine/cases.html, openable by hand).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eachBrowser, marksBy, open } from './support';

eachBrowser(
  'engine cases',
  (_browser, env) => {
    test('every case on the table-driven page is marked as its data-expect says', async () => {
      const page = await open(env, 'engine/cases.html');
      const got = await marksBy(page, '.dom');
      const cases = await page.evaluate(
        () =>
          Array.from(document.querySelectorAll('.case')).map((c) => ({
            id: c.querySelector('.dom')!.id,
            label: c.querySelector('.label')!.textContent!,
            expect: JSON.parse((c as HTMLElement).dataset.expect!) as string[],
          })),
        null,
      );
      assert.ok(cases.length >= 40, `only ${cases.length} cases`);
      const failures = cases
        .filter((c) => JSON.stringify(got[c.id] ?? []) !== JSON.stringify(c.expect))
        .map((c) => `${c.label}: expected ${JSON.stringify(c.expect)}, got ${JSON.stringify(got[c.id] ?? [])}`);
      assert.deepEqual(failures, []);
      await page.close();
    });
  },
  { settings: { where: 'all', mark: 'every' }, reset: false },
);
