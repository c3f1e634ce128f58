/**
 * The spotting engine on a table-driven page: each case carries its expected
 * marks as data (tests/fixtures/engine/cases.html, openable by hand).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eachBrowser, idle, MARK_NAMES, marksBy, open, shot, sleep } from './support';

eachBrowser(
  'engine cases',
  (browser, env) => {
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

    test('a page with thousands of marks registers those near the viewport, and scrolling brings the others', async () => {
      const page = await open(env, 'engine/many-marks.html');
      /** The ids of the paragraphs holding a registered mark. */
      const markedParagraphs = () =>
        page.evaluate((names) => {
          const ids = new Set<string>();
          for (const n of names)
            for (const r of CSS.highlights.get(n) ?? []) if (r instanceof Range) ids.add((r.startContainer.parentElement as HTMLElement).id);
          return [...ids].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
        }, MARK_NAMES);
      // Every mention was found (the popup's list and the keyboard use them all)…
      const status = await idle(env, page);
      assert.equal(
        status.found.reduce((n, f) => n + f.count, 0),
        2000,
        'mentions found',
      );
      // The observer reports on the page's next frames (a background tab's, in Firefox here, come about once a second).
      const until = async (ok: (ids: string[]) => boolean, what: string): Promise<string[]> => {
        const end = Date.now() + 15_000;
        for (;;) {
          const ids = await markedParagraphs();
          if (ok(ids)) return ids;
          if (Date.now() > end) throw new Error(`timed out waiting for ${what}; registered: ${ids.join(' ')}`);
          await sleep(50);
        }
      };
      let ids = await until((ids) => ids.includes('p0'), 'marks at the top');
      // …but only those within about a viewport of the visible part are registered with the browser.
      assert.ok(ids.includes('p0') && ids.length >= 10, `registered near the top: ${ids.join(' ')}`);
      assert.ok(!ids.includes('p399'), 'the last paragraph is far below and not registered yet');
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight), null);
      ids = await until((ids) => ids.includes('p399'), 'marks at the bottom');
      assert.ok(!ids.includes('p0'), 'the first paragraph, far above now, is no longer registered');
      assert.ok(ids.length < 400, `registered after scrolling: ${ids.length} paragraphs`);
      await shot(page, `${browser}-many-marks-scrolled`);
      await page.close();
    });
  },
  { settings: { where: 'all', mark: 'every' }, reset: false },
);
