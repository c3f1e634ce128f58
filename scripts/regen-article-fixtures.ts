/**
 * Regenerates tests/fixtures/articles/<name>.marks.json and .expected.json from what the built
 * extension marks and finds in Chromium (default settings). Run after a dataset change, then
 * read the diff: every new mark must be a right one before the files are committed.
 * Usage: npm run build && tsx scripts/regen-article-fixtures.ts [names…]
 */
import { writeFileSync } from 'node:fs';
import { found, marks, open, start, stop } from '../tests/e2e/support';

const ALL = ['putin-xi-beijing', 'eu-ukraine-summit', 'red-sea-shipping', 'medvedev-putin-2010', 'world-roundup', 'arms-control-ukraine'];
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ALL;

const env = await start('chromium');
try {
  for (const name of names) {
    const page = await open(env, `articles/${name}.html`);
    writeFileSync(`tests/fixtures/articles/${name}.marks.json`, `${JSON.stringify(await marks(page), null, 2)}\n`);
    writeFileSync(`tests/fixtures/articles/${name}.expected.json`, `${JSON.stringify(await found(env), null, 2)}\n`);
    await page.close();
    console.log(`${name}: written`);
  }
} finally {
  await stop(env);
}
