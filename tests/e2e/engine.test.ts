/**
 * The spotting engine on a table-driven page: each case carries its expected
 * marks as data (tests/fixtures/engine/cases.html, openable by hand).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, marksBy, open, setSettings, start, stop, type Env } from './support';

for (const browser of BROWSERS) {
  describe(`engine cases in ${browser}`, () => {
    let env: Env;
    before(async () => {
      env = await start(browser);
      await setSettings(env, { where: 'all', mark: 'every' });
    });
    after(async () => {
      await stop(env);
    });

    test('every case on the table-driven page is marked as its data-expect says', async () => {
      const page = await open(env, 'engine/cases.html');
      const got = await marksBy(page, '.dom');
      const cases = await page.evaluate(
        () => Array.from(document.querySelectorAll('.case')).map((c) => ({ id: c.querySelector('.dom')!.id, label: c.querySelector('.label')!.textContent!, expect: JSON.parse((c as HTMLElement).dataset.expect!) as string[] })),
        null,
      );
      assert.ok(cases.length >= 40, `only ${cases.length} cases`);
      const failures = cases
        .filter((c) => JSON.stringify(got[c.id] ?? []) !== JSON.stringify(c.expect))
        .map((c) => `${c.label}: expected ${JSON.stringify(c.expect)}, got ${JSON.stringify(got[c.id] ?? [])}`);
      assert.deepEqual(failures, []);
      await page.close();
    });
  });
}
