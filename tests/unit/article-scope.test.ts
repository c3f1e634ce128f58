import { describe, expect, test } from 'vitest';
import { findArticleScope, inScope, type ArticleScope } from '../../utils/dom/article-scope';

function page(body: string, head = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

/** A news-like paragraph: long, with commas, no links; `tag` makes each one findable. */
const para = (tag: string) =>
  `<p>${tag} said on Tuesday that the talks, which began in the spring, would continue next month, and that officials from both sides would meet again to settle the remaining details of the agreement.</p>`;
const paras = (tag: string, n = 4) => Array.from({ length: n }, (_, i) => para(`${tag}${i}`)).join('');
const links = (tag: string, n = 4) =>
  `<ul>${Array.from({ length: n }, (_, i) => `<li><a href="#${i}">${tag} headline number ${i} about the markets</a></li>`).join('')}</ul>`;
const jsonLd = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const menu = `<nav><a href="/world">World</a> <a href="/us">US</a> <a href="/uk">UK</a> <a href="/china">NavChina</a> <a href="/business">Business</a> <a href="/contact">Contact us</a></nav>`;
const siteHeader = `<header class="site-header">${menu}</header>`;
const siteFooter = `<footer class="site-footer"><a href="/about">About us</a> FooterText</footer>`;

/** Whether the first text node containing `text` is in scope. */
function has(doc: Document, scope: ArticleScope, text: string): boolean {
  const walker = doc.createTreeWalker(doc.body, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.includes(text)) return inScope(scope, n);
  throw new Error(`"${text}" is not on the page`);
}
const rootTags = (scope: ArticleScope) => scope.roots.map((r) => r.id || r.tagName.toLowerCase());

describe('signals', () => {
  test('itemprop=articleBody wins over a longer unmarked block', () => {
    const doc = page(
      `${siteHeader}<div id="body" itemprop="articleBody">${paras('Body', 2)}</div><div id="other" class="story">${paras('Other', 8)}</div>${siteFooter}`,
    );
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('itemprop=articleBody');
    expect(rootTags(scope)).toEqual(['body']);
    expect(has(doc, scope, 'Body0')).toBe(true);
    expect(has(doc, scope, 'Other0')).toBe(false);
  });

  test('a body marked in two parts (split by an ad) becomes their common container, the ad left out', () => {
    const doc = page(
      `<div id="wrap"><div itemprop="articleBody">${paras('A', 2)}</div><div class="ad-slot">AdText <a href="#1">x</a> <a href="#2">y</a> <a href="#3">z</a></div><div itemprop="articleBody">${paras('B', 2)}</div></div>`,
    );
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('itemprop=articleBody');
    expect(rootTags(scope)).toEqual(['wrap']);
    expect([has(doc, scope, 'A0'), has(doc, scope, 'B1'), has(doc, scope, 'AdText')]).toEqual([true, true, false]);
  });

  test('JSON-LD articleBody is matched to the element that holds its opening text', () => {
    const ld = jsonLd({
      '@type': 'NewsArticle',
      articleBody: `Target0 said on Tuesday that the talks,\n  which began in the spring, would continue next month …`,
    });
    const doc = page(`<div id="first">${paras('Decoy', 6)}</div><div id="target">${paras('Target', 3)}</div>`, ld);
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('JSON-LD articleBody');
    expect(rootTags(scope)).toEqual(['target']);
    expect(has(doc, scope, 'Decoy0')).toBe(false);
  });

  test('JSON-LD with escaped characters (as PHP writes it) still matches', () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Caf\\u00e9 owners in S\\u00e3o Paulo said on Tuesday, \\"again\\", that the talks would go on"}</script>`;
    const doc = page(
      `<div id="first">${paras('Decoy', 6)}</div><div id="target"><p>Café owners in São Paulo said on Tuesday, "again", that the talks would go on, and on, and on into the night.</p>${paras('Target', 2)}</div>`,
      ld,
    );
    const scope = findArticleScope(doc);
    expect([scope.method, rootTags(scope)]).toEqual(['JSON-LD articleBody', ['target']]);
  });

  test('broken JSON-LD is ignored', () => {
    const doc = page(
      `<article><h1>Headline</h1>${paras('Body')}</article>`,
      '<script type="application/ld+json">{"@type": "NewsArticle", articleBody: </script>',
    );
    expect(findArticleScope(doc).method).toBe('article with h1');
  });

  test('the <article> that holds the <h1> wins over a longer <article> without one', () => {
    const doc = page(`<article id="teasers">${paras('Teaser', 8)}</article><article id="story"><h1>Headline</h1>${paras('Story', 2)}</article>`);
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('article with h1');
    expect(rootTags(scope)).toEqual(['story']);
  });

  test('an <h1> in the site header is not the headline', () => {
    const doc = page(
      `<header><h1>SiteName</h1>${menu}</header><article id="story"><h2>Headline</h2>${paras('Story', 3)}</article><article id="other"><h1>Other</h1></article>`,
    );
    const scope = findArticleScope(doc);
    expect(scope.method).not.toBe('article with h1');
    expect(has(doc, scope, 'SiteName')).toBe(false);
    expect(has(doc, scope, 'Story0')).toBe(true);
  });

  test('text density picks the prose, not the link lists, and prefers a story class over a sidebar class', () => {
    const doc = page(
      `${siteHeader}<div class="wrap"><div id="story" class="story-body">${paras('Story', 4)}</div><div id="side" class="sidebar">${paras('Side', 4)}</div><div id="links">${links('Link', 12)}</div></div>${siteFooter}`,
    );
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('text density');
    expect(rootTags(scope)).toEqual(['story']);
  });

  test('text density looks inside <main> first', () => {
    const doc = page(`<div id="promo-feed" class="feed">${paras('Feed', 8)}</div><main><div id="story">${paras('Story', 4)}</div>${links('Link')}</main>`);
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('text density');
    expect(rootTags(scope)).toEqual(['story']);
    expect(has(doc, scope, 'Feed0')).toBe(false);
  });

  test('sibling step: a story split into sibling blocks by an ad keeps both parts and loose paragraphs beside them', () => {
    const doc = page(
      `<div id="col"><div id="p1" class="txt">${paras('One', 6)}</div><div class="advert">AdText</div><div id="p2" class="txt">${paras('Two', 2)}</div>${para('Loose')}<div id="links">${links('Link')}</div></div>`,
    );
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('text density');
    expect(rootTags(scope)).toEqual(['p1', 'p2', 'p']);
    expect([has(doc, scope, 'One0'), has(doc, scope, 'Two1'), has(doc, scope, 'Loose'), has(doc, scope, 'AdText'), has(doc, scope, 'Link headline')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  test('<main> is the scope when it holds some prose but too little to score', () => {
    const doc = page(
      `${siteHeader}<main id="main"><p>MainText: a short item, of two sentences, about the vote in parliament on Tuesday.</p><p>It passed by a wide margin, officials said, and will take effect in June.</p></main>${siteFooter}`,
    );
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('main');
    expect(has(doc, scope, 'MainText')).toBe(true);
  });

  test('headline, standfirst and lead picture outside the body are roots; byline and share bar are not', () => {
    const doc = page(
      `${siteHeader}<main><div class="top"><h1>HeadText</h1></div><p class="standfirst">DekText: the summary of the story in one line.</p><div class="byline">By Someone</div>` +
        `<div class="share-tools"><a href="#1">Share</a></div><div class="leaderboard">AdvertText</div><figure><img alt=""><figcaption>CaptionText</figcaption></figure>` +
        `<div itemprop="articleBody">${paras('Body')}</div></main>`,
    );
    const scope = findArticleScope(doc);
    expect(scope.roots.map((r) => r.className || r.tagName.toLowerCase())).toEqual(['top', 'standfirst', 'figure', 'div']);
    expect(['HeadText', 'DekText', 'CaptionText', 'By Someone', 'Share', 'AdvertText'].map((t) => has(doc, scope, t))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('exclusions inside the body', () => {
  const story = (inner: string) => page(`<article><h1>Headline</h1>${paras('Body', 3)}${inner}${paras('More', 2)}</article>`);
  const cases: Array<[string, string]> = [
    ['nav', '<nav><a href="/">X</a> OutText</nav>'],
    ['aside', '<aside>OutText: a box about something else entirely.</aside>'],
    ['menu', '<menu><li>OutText</li></menu>'],
    ['role=navigation', '<div role="navigation">OutText</div>'],
    ['role=banner', '<div role="banner">OutText</div>'],
    ['role=contentinfo', '<div role="contentinfo">OutText</div>'],
    ['role=complementary', '<div role="complementary">OutText</div>'],
    ['role=search', '<form role="search">OutText <input></form>'],
    ['most-read list (links)', `<div><h3>OutText</h3>${links('Popular')}</div>`],
    ['related list (links)', `<section><h3>Related</h3>${links('OutText')}</section>`],
    ['cookie banner', '<div class="cookie-banner">OutText: we use cookies.</div>'],
    ['consent dialog', '<div id="consentDialog" class="cmp">OutText</div>'],
    ['share bar', '<div class="social-share">OutText</div>'],
    ['comment section', `<section id="comments" class="comments">${paras('OutText', 6)}</section>`],
    ['ad slot', '<div class="ad">OutText</div>'],
    ['custom-element ad', '<amp-ad width="300" height="250">OutText</amp-ad>'],
    ['newsletter box', '<div class="newsletter-signup"><p>OutText: our best stories every morning, in your inbox.</p></div>'],
    ['paywall overlay', '<div class="paywall-overlay">OutText: subscribe to keep reading.</div>'],
    ['promo (camelCase)', '<div class="inlinePromo">OutText</div>'],
    ['most read (camelCase)', '<div class="mostRead"><p>OutText: three stories, and a fourth one, that readers liked today.</p></div>'],
    ['trending', '<div class="trending-now"><p>OutText</p></div>'],
    ['page header inside the scope', `<header>${menu}<span>OutText</span></header>`],
    ['breadcrumb nav', '<nav class="crumbs"><a href="/">Home</a> › <a href="/world">OutText</a></nav>'],
  ];
  test.each(cases)('%s is left out', (_name, inner) => {
    const doc = story(inner);
    const scope = findArticleScope(doc);
    expect(scope.method).not.toBe('whole page');
    expect(has(doc, scope, 'OutText')).toBe(false);
    expect(has(doc, scope, 'Body0')).toBe(true);
    expect(has(doc, scope, 'More1')).toBe(true);
  });

  const kept: Array<[string, string]> = [
    ['figure caption', '<figure class="share-photo"><img alt=""><figcaption class="caption social">InText</figcaption></figure>'],
    ['pull quote', '<blockquote class="social-embed">InText</blockquote>'],
    ['the article’s own header', '<header><time>Today</time> InText</header>'],
    ['the article’s own footer', '<footer>InText: reporting by the desk.</footer>'],
    ['the article’s own footer with a class', '<footer class="byline-box">InText: reporting by the desk.</footer>'],
    ['a paragraph with two links', '<p>InText said, according to <a href="#1">one report</a> and <a href="#2">another</a>, that it was over.</p>'],
    ['words that only contain furniture words', '<p class="headline-download loader thread">InText</p>'],
  ];
  test.each(kept)('%s is kept', (_name, inner) => {
    const doc = story(inner);
    expect(has(doc, findArticleScope(doc), 'InText')).toBe(true);
  });

  test('the block that carries most of the story is kept even with "paywall" in its class', () => {
    const doc = page(
      `<article><h1>Headline</h1>${para('Free')}<div class="paywall-content">${paras('Paid', 5)}</div><div class="paywall-prompt">OutText</div></article>`,
    );
    const scope = findArticleScope(doc);
    expect([has(doc, scope, 'Free'), has(doc, scope, 'Paid4'), has(doc, scope, 'OutText')]).toEqual([true, true, false]);
  });

  test('roots are never excluded, and excluded() answers for elements added later', () => {
    const doc = story('');
    const scope = findArticleScope(doc);
    for (const r of scope.roots) expect(scope.excluded(r)).toBe(false);
    const article = doc.querySelector('article')!;
    const bar = doc.createElement('div');
    bar.className = 'share-bar';
    bar.textContent = 'Share';
    const p = doc.createElement('p');
    p.textContent = 'LateText';
    article.append(bar, p);
    expect(scope.excluded(bar)).toBe(true);
    expect(scope.excluded(p)).toBe(false);
    expect(has(doc, scope, 'LateText')).toBe(true);
  });
});

describe('fallback', () => {
  test('a short page is scanned whole, minus its nav, header, footer and aside', () => {
    const doc = page(`${siteHeader}<div><p>ShortText: a short note.</p>${links('ListText', 3)}</div><aside>AsideText</aside>${siteFooter}`);
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('whole page');
    expect(scope.roots).toEqual([doc.body]);
    expect(['ShortText', 'ListText', 'NavChina', 'AsideText', 'FooterText'].map((t) => has(doc, scope, t))).toEqual([true, true, false, false, false]);
  });

  test('an empty page and a page without a body do not throw', () => {
    expect(findArticleScope(page('')).method).toBe('whole page');
    const xml = new DOMParser().parseFromString('<root><p>x</p></root>', 'application/xml');
    expect(findArticleScope(xml).roots).toEqual([]);
  });
});

describe('live blogs', () => {
  const entry = (i: number, extra = '') =>
    `<article class="entry" itemprop="liveBlogUpdate"><header><time>10:0${i}</time> EntryHead${i}</header>${para(`Entry${i}`)}${extra}<footer class="share">ShareText${i} <a href="#">Share</a></footer></article>`;

  test('entries marked liveBlogUpdate: the feed is the root, each entry with its header is kept, share footers left out', () => {
    const doc = page(
      `${siteHeader}<main><h1>Live: HeadText</h1><div class="key-events">${links('KeyEvent')}</div><div id="feed">${entry(1)}${entry(2)}${entry(3)}</div></main>${siteFooter}`,
    );
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('live blog');
    expect(rootTags(scope)).toEqual(['h1', 'feed']);
    expect(['HeadText', 'Entry1', 'Entry3', 'EntryHead2', 'ShareText1', 'KeyEvent'].map((t) => has(doc, scope, t))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  test('repeated <article> children of a LiveBlogPosting container, without microdata', () => {
    const plain = (i: number) => `<article class="post">${paras(`Post${i}`, 1)}</article>`;
    const doc = page(`<h1>Live</h1><div id="feed">${plain(1)}${plain(2)}${plain(3)}</div>`, jsonLd({ '@type': 'LiveBlogPosting' }));
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('live blog');
    expect(rootTags(scope)).toContain('feed');
  });

  test('a new entry is in scope after recomputing, and already when judged on its own', () => {
    const doc = page(`<h1>Live</h1><div id="feed">${entry(1)}${entry(2)}${entry(3)}</div>`);
    const scope = findArticleScope(doc);
    doc.getElementById('feed')!.insertAdjacentHTML('afterbegin', entry(4));
    expect(has(doc, scope, 'Entry4')).toBe(true);
    expect(has(doc, scope, 'ShareText4')).toBe(false);
    expect(has(doc, findArticleScope(doc), 'Entry4')).toBe(true);
  });

  test('three teaser <article>s in an article page are not a live blog', () => {
    const teaser = (i: number) => `<article class="teaser"><a href="#${i}">Teaser ${i}</a>${para(`Teaser${i}`)}</article>`;
    const doc = page(
      `<main><div itemprop="articleBody">${paras('Body', 8)}</div><section class="related">${teaser(1)}${teaser(2)}${teaser(3)}</section></main>`,
    );
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('itemprop=articleBody');
    expect(has(doc, scope, 'Teaser1')).toBe(false);
  });
});

describe('nested and wrapping articles', () => {
  test('teaser <article>s nested in the story are left out with their related box', () => {
    const card = (i: number) => `<article class="card"><h3><a href="#${i}">CardText ${i}: another story</a></h3></article>`;
    const doc = page(`<article id="story"><h1>Headline</h1>${paras('Body', 4)}<div class="more-stories">${card(1)}${card(2)}${card(3)}</div></article>`);
    const scope = findArticleScope(doc);
    expect(rootTags(scope)).toEqual(['story']);
    expect(has(doc, scope, 'CardText')).toBe(false);
  });

  test('the <h1> in a nested <article> picks the inner one', () => {
    const doc = page(
      `<article id="page" class="page"><article id="story"><h1>Headline</h1>${paras('Body', 3)}</article><div>${paras('Other', 3)}</div></article>`,
    );
    expect(rootTags(findArticleScope(doc))).toEqual(['story']);
  });

  test('an <article> that wraps the whole page, nav included, is searched for the story instead', () => {
    const doc = page(
      `<article>${siteHeader}<div class="content"><h1>HeadText</h1><p class="dek">DekText: what happened, in one line of summary.</p><div id="body">${paras('Body', 5)}</div></div>` +
        `<section class="most-read"><h2>Most read</h2>${links('Popular')}</section><div class="newsletter">NewsletterText</div>${siteFooter}</article>`,
    );
    const scope = findArticleScope(doc);
    expect(scope.method).toBe('text density in article');
    expect(['HeadText', 'DekText', 'Body4', 'NavChina', 'Popular', 'NewsletterText', 'FooterText'].map((t) => has(doc, scope, t))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('inScope', () => {
  test('follows open shadow roots to their host', () => {
    const doc = page(`<article><h1>Headline</h1>${paras('Body', 4)}<div id="host"></div></article><div id="outside"></div>`);
    const inner = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>ShadowText</p>';
    const outer = doc.getElementById('outside')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>OuterShadow</p>';
    const scope = findArticleScope(doc);
    expect(inScope(scope, inner.querySelector('p')!.firstChild!)).toBe(true);
    expect(inScope(scope, outer.querySelector('p')!.firstChild!)).toBe(false);
  });

  test('is pure: the page is unchanged and the same scope comes back', () => {
    const doc = page(`${siteHeader}<article><h1>Headline</h1>${paras('Body', 4)}</article>${siteFooter}`);
    const before = doc.body.innerHTML;
    const a = findArticleScope(doc);
    const b = findArticleScope(doc);
    expect(doc.body.innerHTML).toBe(before);
    expect([a.method, a.roots]).toEqual([b.method, b.roots]);
  });
});
