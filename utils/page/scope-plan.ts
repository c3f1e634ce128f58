/**
 * Which part of a page to scan, and what a change means for it: the article (utils/dom/article-scope.ts)
 * unless the reader chose the whole page or the page is far longer than any article. Pure but for the
 * DOM it is given; ADR 0003 explains the rules.
 */
import { fullArticleScope, inScope, quickArticleScope, type ArticleScope } from '../dom/article-scope';
import type { Settings } from '../settings';

/** A page that keeps changing has its article found again at most this often. */
export const SCOPE_RECHECK_MS = 1000;
/** Beyond this much text (about 60 long articles) the page is scanned whole, without looking for the article. */
export const HUGE_PAGE_CHARS = 600_000;
export const HUGE_PAGE_CHILDREN = 5_000;

export type PlannedScope = ArticleScope & { setting: Settings['scope'] };

const nothingExcluded = () => false;

export function planScope(doc: Document, setting: Settings['scope']): PlannedScope {
  const body = doc.body!;
  if (setting === 'page') return { roots: [body], method: 'whole page (setting)', excluded: nothingExcluded, setting };
  // The full pass is one pass over every element; on a page far longer than any article (an archive, a 2 MB log) it
  // alone would be a long task, and such a page has no single article to find. The quick path measures nothing
  // whole, so the page's text length (a copy of all of it) is read only when it is needed.
  const tooLong = once(() => (body.textContent?.length ?? 0) > HUGE_PAGE_CHARS);
  const whole = { roots: [body], method: 'whole page (too long to look for an article)', excluded: nothingExcluded, setting };
  if (body.childElementCount > HUGE_PAGE_CHILDREN) return whole;
  const quick = quickArticleScope(doc, tooLong);
  if (quick) return { ...quick, setting };
  return tooLong() ? whole : { ...fullArticleScope(doc), setting };
}

function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) [value, done] = [f(), true];
    return value;
  };
}

/** Whether two scopes cover the same elements the same way (then a change needs no full rescan). */
export function sameScope(a: PlannedScope, b: PlannedScope): boolean {
  return a.method === b.method && a.setting === b.setting && a.roots.length === b.roots.length && a.roots.every((r, i) => r === b.roots[i]);
}

/**
 * What to rescan for changed nodes: a change inside the article rescans its own subtree; a change around it
 * (a parent replaced) rescans the article roots it holds; a change elsewhere (a menu, an ad) rescans nothing.
 */
export function rootsToRescan(scope: PlannedScope, changed: readonly Node[]): Node[] {
  return [...new Set(changed.flatMap((r) => (inScope(scope, r) ? [r] : scope.roots.filter((s) => r.contains(s)))))];
}

/** The scope of the last full scan, found again (at most once a second) when the page changes. */
export class ScopeTracker {
  current: PlannedScope | null = null;
  private foundAt = 0;

  constructor(
    private readonly doc: Document,
    private readonly now: () => number = () => performance.now(),
  ) {}

  plan(setting: Settings['scope']): PlannedScope {
    this.current = planScope(this.doc, setting);
    this.foundAt = this.now();
    return this.current;
  }

  /**
   * After a change: whether the scope still holds. Live blogs, feeds and apps change what the article is, so
   * an article scope is looked for again once SCOPE_RECHECK_MS have passed; false means scan everything again.
   */
  stillHolds(): boolean {
    const scope = this.current;
    if (!scope || scope.setting !== 'article' || this.now() - this.foundAt <= SCOPE_RECHECK_MS) return true;
    const next = planScope(this.doc, 'article');
    this.foundAt = this.now();
    if (!sameScope(next, scope)) return false;
    this.current = next;
    return true;
  }
}
