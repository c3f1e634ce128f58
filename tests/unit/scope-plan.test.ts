import { describe, expect, test } from 'vitest';
import { HUGE_PAGE_CHARS, HUGE_PAGE_CHILDREN, planScope, rootsToRescan, sameScope, ScopeTracker, SCOPE_RECHECK_MS } from '../../utils/page/scope-plan';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}
const para = (tag: string) =>
  `<p>${tag} said on Tuesday that the talks, which began in the spring, would continue next month, and that officials from both sides would meet again to settle the details.</p>`;
const article = (id: string) => `<article id="${id}"><h1>Headline ${id}</h1>${[1, 2, 3, 4].map((i) => para(`${id}${i}`)).join('')}</article>`;
const menu = `<nav id="menu"><a href="/world">World</a> <a href="/us">US</a></nav>`;

describe('planScope', () => {
  test('the article setting scans the article, not the menu', () => {
    const doc = page(`${menu}${article('story')}`);
    const scope = planScope(doc, 'article');
    expect(scope.setting).toBe('article');
    expect(scope.roots.map((r) => r.id)).toEqual(['story']);
  });

  test('the whole-page setting scans the body and leaves nothing out', () => {
    const doc = page(`${menu}${article('story')}`);
    const scope = planScope(doc, 'page');
    expect(scope.roots).toEqual([doc.body]);
    expect(scope.excluded(doc.getElementById('menu')!)).toBe(false);
    expect(scope.method).toContain('setting');
  });

  test('a page with more top-level elements than any article is scanned whole without looking', () => {
    const doc = page(`${article('story')}${'<div>row</div>'.repeat(HUGE_PAGE_CHILDREN + 1)}`);
    const scope = planScope(doc, 'article');
    expect(scope.roots).toEqual([doc.body]);
    expect(scope.method).toContain('too long');
  });

  test('a page with more text than any article and no article to find quickly is scanned whole', () => {
    const doc = page(`<div>${'<p>A line of an archive page that goes on and on.</p>'.repeat(Math.ceil(HUGE_PAGE_CHARS / 40))}</div>`);
    expect(planScope(doc, 'article').method).toContain('too long');
  });

  test('a very long article is still found quickly; what needs measuring in it is kept, not measured', () => {
    const long = `<p>${'The committee met again on Tuesday, and the talks went on late into the night. '.repeat(40)}</p>`.repeat(
      Math.ceil(HUGE_PAGE_CHARS / 3000),
    );
    const list = `<div class="story-list">${Array.from({ length: 6 }, (_, i) => `<a href="#${i}">Another story number ${i}</a>`).join(' ')}</div>`;
    const doc = page(`${menu}<article id="story"><h1>Headline</h1>${long}<aside id="aside">${list}</aside>${list}</article>`);
    const scope = planScope(doc, 'article');
    expect([scope.method, scope.roots.map((r) => r.id)]).toEqual(['article with h1', ['story']]);
    expect(scope.excluded(doc.getElementById('aside')!)).toBe(true); // an <aside> needs no measuring
    expect(scope.excluded(doc.querySelector('#story > .story-list')!)).toBe(false); // a link list would: kept
    // On a page of ordinary length the same list is left out.
    const short = page(`${menu}<article id="story"><h1>Headline</h1>${long.slice(0, 4000)}</p>${list}</article>`);
    expect(planScope(short, 'article').excluded(short.querySelector('#story > .story-list')!)).toBe(true);
  });
});

describe('sameScope and rootsToRescan', () => {
  test('the same page planned twice is the same scope; another article is not', () => {
    const doc = page(`${menu}${article('story')}`);
    expect(sameScope(planScope(doc, 'article'), planScope(doc, 'article'))).toBe(true);
    expect(sameScope(planScope(doc, 'article'), planScope(doc, 'page'))).toBe(false);
    doc.getElementById('story')!.id = 'gone';
    doc.body.insertAdjacentHTML('beforeend', article('longer').replace('</article>', `${[5, 6, 7, 8, 9].map((i) => para(`x${i}`)).join('')}</article>`));
    const before = planScope(page(`${menu}${article('story')}`), 'article');
    expect(sameScope(before, planScope(doc, 'article'))).toBe(false);
  });

  test('a change inside the article rescans itself, a change in the menu nothing, a replaced parent the roots it holds', () => {
    const doc = page(`<div id="wrap">${menu}${article('story')}</div>`);
    const scope = planScope(doc, 'article');
    const story = doc.getElementById('story')!;
    const p = story.querySelector('p')!;
    expect(rootsToRescan(scope, [p])).toEqual([p]);
    expect(rootsToRescan(scope, [doc.getElementById('menu')!])).toEqual([]);
    expect(rootsToRescan(scope, [doc.getElementById('wrap')!])).toEqual([story]);
    expect(rootsToRescan(scope, [p, p])).toEqual([p]);
  });
});

describe('ScopeTracker', () => {
  test('looks for the article again only after the recheck interval, and says when it moved', () => {
    let now = 0;
    const doc = page(`${menu}${article('story')}`);
    const tracker = new ScopeTracker(doc, () => now);
    tracker.plan('article');
    // Replace the article by another one: the old root is gone.
    doc.getElementById('story')!.remove();
    doc.body.insertAdjacentHTML('beforeend', article('next'));
    now = SCOPE_RECHECK_MS - 1;
    expect(tracker.stillHolds()).toBe(true); // too soon to look again
    now = SCOPE_RECHECK_MS + 1;
    expect(tracker.stillHolds()).toBe(false); // the article moved: scan everything again
    tracker.plan('article');
    expect(tracker.current!.roots.map((r) => r.id)).toEqual(['next']);
    now += SCOPE_RECHECK_MS + 1;
    expect(tracker.stillHolds()).toBe(true); // same article
  });

  test('a whole-page scope never needs looking again', () => {
    let now = 0;
    const doc = page(`${menu}${article('story')}`);
    const tracker = new ScopeTracker(doc, () => now);
    tracker.plan('page');
    doc.getElementById('story')!.remove();
    now = 10 * SCOPE_RECHECK_MS;
    expect(tracker.stillHolds()).toBe(true);
  });
});
