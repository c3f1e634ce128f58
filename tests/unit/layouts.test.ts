/**
 * Every page in tests/fixtures/layouts/ carries its own expectations (table-driven, as Yomitan's DOM fixtures do):
 *   <meta name="backstory-expect" content="A|B">    names in the article: some occurrence must be in scope
 *   <meta name="backstory-unmarked" content="C|D">  names in the site furniture: no occurrence may be in scope
 *   <meta name="backstory-method" content="…">      optional: the signal that should find the body
 * Occurrences are found in the text the walker would scan (walkBlocks), at word boundaries, case-sensitively.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findArticleScope, inScope, type ArticleScope } from '../../utils/dom/article-scope';
import { locate, walkBlocks } from '../../utils/dom/walk';

const DIR = 'tests/fixtures/layouts'; // vitest runs from the project root, as the dataset test does
const LETTER = /[\p{L}\p{N}]/u;

type Page = { file: string; doc: Document; scope: ArticleScope; expect: string[]; unmarked: string[]; method?: string };

function names(doc: Document, meta: string): string[] {
  const content = doc.querySelector(`meta[name="${meta}"]`)?.getAttribute('content') ?? '';
  return content
    .split('|')
    .map((n) => n.trim())
    .filter(Boolean);
}

function load(file: string): Page {
  const doc = new DOMParser().parseFromString(readFileSync(join(DIR, file), 'utf8'), 'text/html');
  return {
    file,
    doc,
    scope: findArticleScope(doc),
    expect: names(doc, 'backstory-expect'),
    unmarked: names(doc, 'backstory-unmarked'),
    method: names(doc, 'backstory-method')[0],
  };
}

/** Each occurrence of `name` in the walked text, as (in scope?) and the text around it for the failure message. */
function occurrences(page: Page, name: string): Array<{ inScope: boolean; around: string }> {
  const out: Array<{ inScope: boolean; around: string }> = [];
  for (const block of walkBlocks(page.doc.body)) {
    for (let i = block.text.indexOf(name); i >= 0; i = block.text.indexOf(name, i + 1)) {
      const before = block.text[i - 1] ?? ' ';
      const after = block.text[i + name.length] ?? ' ';
      if (LETTER.test(before) || LETTER.test(after)) continue;
      const { node } = locate(block, i, true);
      out.push({ inScope: inScope(page.scope, node), around: block.text.slice(Math.max(0, i - 30), i + name.length + 30) });
    }
  }
  return out;
}

const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map(load);

test('there are at least ten layout fixtures, each with both expectation lists', () => {
  expect(pages.length).toBeGreaterThanOrEqual(10);
  for (const p of pages) {
    expect(p.expect.length, `${p.file}: backstory-expect`).toBeGreaterThan(0);
    expect(p.unmarked.length, `${p.file}: backstory-unmarked`).toBeGreaterThan(0);
  }
});

describe.each(pages)('$file', (page) => {
  test('finds an article, not the whole page', () => {
    expect(page.scope.method, page.file).not.toBe('whole page');
    if (page.method) expect(page.scope.method, `${page.file}: backstory-method`).toBe(page.method);
  });

  test.each(page.expect)('"%s" (in the article) is in scope', (name) => {
    const found = occurrences(page, name);
    expect(found.length, `${page.file}: "${name}" does not occur on the page`).toBeGreaterThan(0);
    expect(
      found.some((o) => o.inScope),
      `${page.file}: "${name}" is out of scope (method: ${page.scope.method}) in: ${found.map((o) => o.around).join(' | ')}`,
    ).toBe(true);
  });

  test.each(page.unmarked)('"%s" (site furniture) stays out of scope', (name) => {
    const found = occurrences(page, name);
    expect(found.length, `${page.file}: "${name}" does not occur on the page`).toBeGreaterThan(0);
    const leaked = found.filter((o) => o.inScope).map((o) => o.around);
    expect(leaked, `${page.file}: "${name}" is in scope (method: ${page.scope.method})`).toEqual([]);
  });
});
