/**
 * The quick path (utils/dom/article-scope.ts, quickArticle): when native selectors show an <article> around the first
 * headline and no stronger signal, only that <article> is measured. It must find exactly what the whole-page pass finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findArticleScope, inScope, type ArticleScope } from '../../utils/dom/article-scope';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const page = (body: string, head = '') => parse(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const para = (tag: string) =>
  `<p>${tag} said on Tuesday that the talks, which began in the spring, would continue next month, and that officials from both sides would meet again to settle the remaining details of the agreement.</p>`;
const paras = (tag: string, n = 4) => Array.from({ length: n }, (_, i) => para(`${tag}${i}`)).join('');
const links = (tag: string, n = 4) =>
  `<ul>${Array.from({ length: n }, (_, i) => `<li><a href="#${i}">${tag} headline number ${i} about the markets</a></li>`).join('')}</ul>`;
const linked = (tag: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>${tag}${i}: <a href="#a">Xi Jinping</a> met <a href="#b">Vladimir Putin</a> in <a href="#c">Beijing</a> on Tuesday, and the two leaders said that the talks would go on next month.</p>`,
  ).join('');
const menu = `<nav><a href="/world">World</a> <a href="/us">US</a> <a href="/uk">UK</a> <a href="/china">China</a> <a href="/business">Business</a> <a href="/contact">Contact us</a></nav>`;

/** What a scope says about every element of the page: roots, method, and each element's excluded() answer. */
function describeScope(doc: Document, scope: ArticleScope) {
  const inRoots = (el: Element) => scope.roots.some((r) => r !== el && r.contains(el));
  const out = Array.from(doc.body.querySelectorAll('*'), (el, k) => (inRoots(el) && scope.excluded(el) ? k : -1)).filter((k) => k >= 0);
  return { method: scope.method, roots: scope.roots.map((r) => Array.from(doc.querySelectorAll('*')).indexOf(r)), out };
}
/** Quick and full pass on two copies of the same page (each scope is computed on a fresh document). */
function both(html: string) {
  const [a, b] = [parse(html), parse(html)];
  return { quick: describeScope(a, findArticleScope(a)), full: describeScope(b, findArticleScope(b, false)) };
}
const html = (doc: Document) => doc.documentElement.outerHTML;

describe('quick path finds what the whole-page pass finds', () => {
  const files = [
    ...readdirSync('tests/fixtures/layouts')
      .filter((f) => f.endsWith('.html'))
      .map((f) => join('tests/fixtures/layouts', f)),
    ...readdirSync('tests/fixtures/articles')
      .filter((f) => f.endsWith('.html'))
      .map((f) => join('tests/fixtures/articles', f)),
  ];
  test.each(files)('%s', (file) => {
    const { quick, full } = both(readFileSync(file, 'utf8'));
    expect(quick).toEqual(full);
  });

  const cases: Record<string, string> = {
    'plain article with furniture around it': `<header class="site-header">${menu}</header><main><article id="story"><h1>Headline</h1><p class="standfirst">Standfirst text</p>${paras('Body', 6)}<aside class="related">${links('Related')}</aside><div class="share-bar">Share</div><footer>Tags ${links('Tag', 3)}</footer></article><aside class="most-read">${links('Popular', 8)}</aside></main><footer>${links('Footer', 10)}</footer>`,
    'article inside furniture (its paragraphs never score)': `<div class="related-stories"><article><h1>Headline</h1>${paras('Body', 4)}</article></div>`,
    'article inside a link': `<a href="/story"><article><h1>Headline</h1>${paras('Body', 4)}</article></a>`,
    'first h1 in the menu, then the story': `<nav><h1>Site</h1>${links('Nav', 6)}</nav><article id="story"><h1>Headline</h1>${paras('Body', 4)}</article>`,
    'first h1 hidden or empty': `<h1 aria-hidden="true">Hidden</h1><h1> </h1><article id="story"><h1>Headline</h1>${paras('Body', 4)}</article>`,
    'first h1 in the site header': `<header role="banner"><h1>Site name</h1>${menu}</header><article id="story"><h1>Headline</h1>${paras('Body', 4)}</article>`,
    'first h1 in an article with no prose': `<article><h1>Promo</h1><p>Short.</p></article><article id="story"><h1>Headline</h1>${paras('Body', 4)}</article>`,
    'article that wraps the page, menu included': `<article><header>${menu}</header><div class="content"><h1>Headline</h1>${paras('Body', 5)}</div>${links('Popular', 6)}</article>`,
    'article holding the banner': `<article><div role="banner">Site</div><h1>Headline</h1>${paras('Body', 5)}</article>`,
    'a feed of three articles': `<main><div>${[1, 2, 3].map((i) => `<article><h1>Entry ${i}</h1>${paras(`E${i}`, 2)}</article>`).join('')}</div></main>`,
    'marked body beside the article': `<article><h1>Headline</h1>${paras('Lead', 1)}</article><div itemprop="articleBody">${paras('Body', 4)}</div>`,
    'live entries': `<article><h1>Live</h1><div itemprop="liveBlogUpdate">${paras('A', 2)}</div><div itemprop="liveBlogUpdate">${paras('B', 2)}</div></article>`,
    'no article at all': `<div class="content"><h1>Headline</h1>${paras('Body', 6)}</div>`,
    'an h1 outside any article': `<h1>Headline</h1><article>${paras('Body', 6)}</article>`,
    'links in the story, a link list, a furniture-worded body, comments and own header and footer': `<article id="story"><h1>Headline</h1><div class="story-body">${linked('Body', 4)}</div><div class="paywall-content">${paras('Pay', 6)}</div><div class="related">${links('Related', 5)}</div><section>${links('Plain', 4)}</section><div class="comments">${paras('Comment', 1)}</div><ad-slot>${paras('Ad', 1)}</ad-slot><header><p>Kicker</p></header><footer><p>Byline</p></footer><article class="entry">${paras('Entry', 2)}</article></article>`,
    'a body that is mostly links': `<article id="story"><h1>Headline</h1>${paras('Body', 2)}<div class="story-body">${links('Inline', 12)}<p>Short.</p></div></article>`,
    'prose only after short paragraphs, and a hidden one': `<article id="story"><h1>Headline</h1><p>Short one.</p><p hidden>${'Hidden text that is long enough to count as a paragraph. '.repeat(4)}</p>${Array.from({ length: 12 }, (_, i) => `<p>Item ${i} is a line of some length.</p>`).join('')}${paras('Late', 1)}</article>`,
    'nested articles': `<article class="page"><article id="story"><h1>Headline</h1>${paras('Body', 3)}<div class="more">${[1, 2, 3].map((i) => `<article><a href="#${i}">Card ${i}</a></article>`).join('')}</div></article></article>`,
  };
  test.each(Object.entries(cases))('%s', (_, body) => {
    const { quick, full } = both(html(page(body)));
    expect(quick).toEqual(full);
  });

  test('JSON-LD articleBody is left to the full pass', () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Body0 said on Tuesday that the talks"}</script>`;
    const { quick, full } = both(html(page(`<article><h1>Headline</h1>${paras('Lead', 1)}</article><div id="b">${paras('Body', 4)}</div>`, ld)));
    expect(quick).toEqual(full);
    expect(quick.method).toBe('JSON-LD articleBody');
  });
});

describe('the quick path itself', () => {
  test('is taken for an article with its headline, and leaves out what the full pass leaves out', () => {
    const doc = page(
      `<header class="site-header">${menu}</header><article id="story"><h1>Headline</h1>${paras('Body', 4)}<div class="newsletter-signup">Sign up</div>${links('Related', 5)}</article>${links('Footer', 8)}`,
    );
    const scope = findArticleScope(doc);
    expect([scope.method, scope.roots.map((r) => r.id)]).toEqual(['article with h1', ['story']]);
    expect(scope.excluded(doc.querySelector('.newsletter-signup')!)).toBe(true);
    expect(scope.excluded(doc.querySelector('#story > ul')!)).toBe(true);
    expect(scope.excluded(doc.querySelector('#story > p')!)).toBe(false);
  });

  test('an element outside the article is not left out (nothing there was measured)', () => {
    const doc = page(`<header class="site-header">${menu}</header><article id="story"><h1>Headline</h1>${paras('Body', 4)}</article>`);
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('article with h1');
    expect(scope.excluded(doc.querySelector('nav')!)).toBe(false);
  });

  test('an element added to the article later is judged on its own subtree', () => {
    const doc = page(`<article id="story"><h1>Headline</h1>${paras('Body', 4)}</article>`);
    const scope = findArticleScope(doc);
    const [box, p] = [doc.createElement('div'), doc.createElement('p')];
    box.className = 'share-tools';
    box.textContent = 'Share this';
    p.textContent = 'A new paragraph, written after the page loaded, about the talks.';
    doc.getElementById('story')!.append(box, p);
    expect([scope.excluded(box), scope.excluded(p)]).toEqual([true, false]);
  });
});

describe('what the quick path reads', () => {
  test('a long story is not measured: only its first paragraphs and what the scan asks about', () => {
    const doc = page(
      `<header class="site-header">${menu}</header><article id="story"><h1>Headline</h1><div class="story-body">${paras('Body', 60)}</div><aside>${links('Related', 5)}</aside></article>`,
    );
    const desc = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Object.getPrototypeOf(doc.createTextNode(''))), 'data')!;
    const read = new Set<Text>();
    const owner = Object.getPrototypeOf(Object.getPrototypeOf(doc.createTextNode('')));
    Object.defineProperty(owner, 'data', {
      ...desc,
      get(this: Text) {
        read.add(this);
        return desc.get!.call(this);
      },
    });
    // Which of the story's paragraphs had their text read: only some of the first ones may be.
    const readParagraphs = () => Array.from(doc.querySelectorAll('.story-body > p'), (p, k) => (read.has(p.firstChild as Text) ? k : -1)).filter((k) => k >= 0);
    try {
      const scope = findArticleScope(doc);
      expect(scope.method).toBe('article with h1');
      expect(readParagraphs().every((k) => k < 8)).toBe(true);
      const all = Array.from(doc.querySelectorAll('#story *'));
      expect(all.filter((el) => scope.excluded(el)).map((el) => el.tagName)).toEqual(['ASIDE']);
      // The body's link-list test reads its anchors and first paragraphs, never the rest of the story.
      expect(readParagraphs().every((k) => k < 8)).toBe(true);
    } finally {
      Object.defineProperty(owner, 'data', desc);
    }
  });
});

describe('elements the pass never saw', () => {
  const shadowCase = (quick: boolean) => {
    const doc = page(`<header class="site-header">${menu}</header><article id="story"><h1>Headline</h1>${paras('Body', 4)}<div id="host"></div></article>`);
    const scope = findArticleScope(doc, quick);
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div class="share-tools">ShareText</div><p>ShadowText of a paragraph long enough.</p>';
    const text = (sel: string) => shadow.querySelector(sel)!.firstChild!;
    return [scope.method, inScope(scope, text('.share-tools')), inScope(scope, text('p'))];
  };
  test('inside an open shadow root under the article they are judged on their own subtree, on either path', () => {
    expect(shadowCase(true)).toEqual(['article with h1', false, true]);
    expect(shadowCase(false)).toEqual(['article with h1', false, true]);
  });
});
