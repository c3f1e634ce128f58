/**
 * The engine cases page (tests/fixtures/engine/cases.html) in happy-dom with the full dataset, as the
 * content script scans it (the article scope, every mention, today's date): each case's marks must be its
 * data-expect. The e2e test checks the same page in Chromium and Firefox; this one runs with the unit tests,
 * so a case added for a new rule is checked before a browser run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileDataset } from '../../scripts/compile-dataset';
import { findArticleScope } from '../../utils/dom/article-scope';
import { Matcher } from '../../utils/match/matcher';
import { PageScan } from '../../utils/scan/page-scan';

const HTML = readFileSync('tests/fixtures/engine/cases.html', 'utf8');

describe('engine cases (happy-dom, full dataset)', () => {
  test('every case is marked as its data-expect says', async () => {
    document.documentElement.innerHTML = HTML.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
    const matcher = await Matcher.create(compileDataset('data').compiled);
    const scan = new PageScan(matcher);
    const scope = findArticleScope(document);
    for (const root of scope.roots) await scan.scan(root, { yielder: () => Promise.resolve(), exclude: scope.excluded });
    const got: Record<string, string[]> = {};
    for (const r of scan.ordered()) {
      const id = r.nodes[0].parentElement?.closest('.dom')?.id ?? '(none)';
      (got[id] ??= []).push(r.text);
    }
    const cases = [...document.querySelectorAll<HTMLElement>('.case')].map((c) => ({
      id: c.querySelector('.dom')!.id,
      label: c.querySelector('.label')!.textContent!,
      expect: JSON.parse(c.dataset.expect!) as string[],
    }));
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const failures = cases
      .filter((c) => JSON.stringify(got[c.id] ?? []) !== JSON.stringify(c.expect))
      .map((c) => `${c.label}: expected ${JSON.stringify(c.expect)}, got ${JSON.stringify(got[c.id] ?? [])}`);
    expect(failures).toEqual([]);
  });
});
