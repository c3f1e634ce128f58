/**
 * Finds the article body, so names are marked in the story and not in menus, "most read" lists or footers. One pass
 * over the nodes reads tags, attributes and text lengths (no layout, no innerText); signals are tried strongest first,
 * as Mozilla Readability does. Pure and cheap: recompute it when the page changes. See docs/adr/0003-article-scope.md.
 */
import { isInSkippedSubtree, isSkippedElement } from './walk';
import {
  OUT_TAGS,
  OUT_ROLES,
  KEEP_TAGS,
  FURNITURE,
  COMMENTS,
  CONSENT,
  STANDFIRST,
  MIN_EXPLICIT,
  MIN_DENSITY,
  ENTRY_PROSE,
  MIN_LINKS,
  MENU_LINKS,
  MIN_PARA,
  HEAD_MAX,
  describe,
  measure,
  final,
  isIn,
  commonAncestor,
  norm,
  proseOf,
  type Info,
  type Page,
  type Ctx,
  pageCtx,
} from './article-measure';

export type ArticleScope = {
  /** Disjoint elements whose text to scan, in document order: the body, plus headline and standfirst when outside it. */
  roots: Element[];
  /** How the body was found, for the popup and debugging. */
  method: string;
  /** Whether an element inside a root starts a subtree to leave out. Roots never are; use inScope() for any node. */
  excluded: (el: Element) => boolean;
};

/** Best text-density candidate (inside `within`), moved up as Readability does when the story is split in parts. */
function topCandidate(page: Page, within: Info | null): Info | null {
  const inside = (i: Info | null): i is Info => i !== null && i.parent !== null && (!within || isIn(i, within));
  const ranked = page.candidates
    .filter(inside)
    .map((c) => ({ c, s: final(c) }))
    .sort((a, b) => b.s - a.s);
  if (ranked.length === 0 || ranked[0].s <= 0) return null;
  let top = ranked[0].c;
  // Three near-best candidates under one ancestor: the story comes in parts (or is a feed), so take the ancestor.
  const alts = ranked
    .slice(1, 5)
    .filter((r) => r.s >= 0.75 * ranked[0].s)
    .map((r) => r.c);
  let p = alts.length >= 3 ? top.parent : null;
  while (inside(p) && alts.filter((a) => isIn(a, p as Info)).length < 3) p = p.parent;
  if (inside(p)) top = p;
  // Readability also climbs to a better-scoring parent; the best is already the maximum here, so only wrappers remain.
  while (inside(top.parent) && top.parent.el.children.length === 1) top = top.parent;
  return top;
}
/** Readability's sibling step: parts of the story the best candidate left out (split by an ad, say). */
function withSiblings(page: Page, top: Info): Element[] {
  const parent = top.el.parentElement;
  if (!parent || !top.parent) return [top.el];
  const [s0, cls] = [final(top), top.el.getAttribute('class')];
  return Array.from(parent.children).filter((sib) => {
    const i = page.infos.get(sib);
    if (sib === top.el || !i || i.unlikely || i.site) return sib === top.el;
    const bonus = cls && sib.getAttribute('class') === cls ? s0 * 0.2 : 0;
    const density = i.text > 0 ? i.link / i.text : 1;
    const para =
      (i.tag === 'P' || i.tag === 'BLOCKQUOTE') &&
      ((i.own > 80 && density < 0.25) || (i.own > 0 && i.own <= 80 && i.link === 0 && /\.( |$)/.test(sib.textContent ?? '')));
    return i.tag === 'FIGURE' || para || (i.scored && final(i) + bonus >= Math.max(10, s0 * 0.2));
  });
}
/** JSON-LD read as text, not parsed: broken JSON-LD is common, and only these two facts are needed. */
function readJsonLd(doc: Document): { bodies: string[]; live: boolean } {
  const text = Array.from(doc.querySelectorAll('script[type="application/ld+json"]'), (s) => s.textContent ?? '').join('\n');
  if (text === '') return { bodies: [], live: false }; // most pages: no regex to compile
  const unescape = (_: string, hex: string, c: string) => (hex ? String.fromCharCode(parseInt(hex, 16)) : 'nrt'.includes(c) ? ' ' : c);
  const bodies = Array.from(text.matchAll(/"articleBody"\s*:\s*"((?:[^"\\]|\\.)*)"/g), (m) => m[1].replace(/\\u([0-9a-fA-F]{4})|\\(.)/g, unescape));
  return { bodies, live: /"LiveBlogPosting"/.test(text) };
}
/** The scored paragraph (not a container) that opens the JSON-LD articleBody, then the container holding most of it. */
function matchBody(page: Page, body: string): Info | null {
  const [full, key] = [norm(body), norm(body).slice(0, 60)];
  const opens = (t: string) => t.length >= 20 && (t.startsWith(key) || key.startsWith(t));
  const para = key.length < 20 ? undefined : page.order.find((p) => p.prose === p.own && p.own > 0 && opens(norm(p.el.textContent ?? '').slice(0, 60)));
  let best: Info | null = null;
  for (let a = para?.parent ?? null, n = 0; a?.parent && !a.site && n < 6; a = a.parent, n++) {
    if (a.text >= 0.7 * full.length) return a;
    if (a.scored && (!best || final(a) > final(best))) best = a;
  }
  return best ?? para?.parent ?? null;
}
function liveContainer(page: Page, hinted: boolean): Info | null {
  const updates = page.order.filter((i) => i.prop !== '' && /\bliveBlogUpdate\b/.test(i.prop));
  const c = updates.length > 1 ? commonAncestor(updates) : updates[0]?.parent;
  if (c !== undefined) return c?.parent ? c : null;
  const best = page.order.reduce<Info | null>((b, i) => (i.entries >= 3 && (!b || i.entries > b.entries) ? i : b), null);
  // Repeated <article>s are also how teaser lists look: only a container holding most of the page's prose is a feed.
  return best?.parent && (hinted || best.prose >= 0.5 * page.order[0].prose) ? best : null;
}
/** The page's headlines: <h1>s with text, not in a menu, sidebar, footer or the site's own header. */
function headlines(page: Page): Element[] {
  const furniture = (i: Info) =>
    OUT_TAGS.has(i.tag) || i.tag === 'FOOTER' || OUT_ROLES.has(i.role) || (i.tag === 'HEADER' && i.site && !i.el.closest('article'));
  const clear = (i: Info | null): boolean => i === null || (!furniture(i) && clear(i.parent));
  return page.order.filter((h) => h.tag === 'H1' && h.text > 0 && clear(h.parent)).map((h) => h.el);
}
/** The signals, strongest first. */
function locate(doc: Document, page: Page): { roots: Element[]; method: string } | null {
  const ld = readJsonLd(doc);
  const live = liveContainer(page, ld.live);
  if (live) return { roots: [live.el], method: 'live blog' };
  const marked = page.order.filter((i) => i.prop !== '' && /\barticleBody\b/.test(i.prop) && i.text > 0);
  const all = marked.length > 1 ? commonAncestor(marked) : null;
  // A body marked in parts (split by an ad) is their container, when the parts are most of its prose.
  const pick =
    all?.parent && marked.reduce((n, i) => n + i.prose, 0) >= 0.5 * all.prose
      ? all
      : marked.reduce<Info | null>((a, b) => (!a || b.prose > a.prose ? b : a), null);
  if (pick && pick.prose >= MIN_EXPLICIT) return { roots: [pick.el], method: 'itemprop=articleBody' };
  const fromLd = ld.bodies.map((text) => matchBody(page, text)).find((b) => b && b.prose >= MIN_EXPLICIT);
  if (fromLd) return { roots: [fromLd.el], method: 'JSON-LD articleBody' };
  const article = headlines(page)[0]?.closest('article');
  const ai = article ? page.infos.get(article) : undefined;
  if (ai && ai.prose >= MIN_EXPLICIT && !ai.site) return { roots: [ai.el], method: 'article with h1' };
  // An <article> that wraps the whole page, menus included, says little: look for the story in it, then in <main>.
  const wrapper = ai && ai.prose >= MIN_EXPLICIT ? ai : undefined;
  const main = page.order.find((i) => i.tag === 'MAIN' || i.role === 'main');
  for (const within of [wrapper, main, null].filter((a) => a !== undefined)) {
    const top = topCandidate(page, within);
    const roots = top ? withSiblings(page, top) : [];
    const [min, method] = within === wrapper ? [MIN_EXPLICIT, 'text density in article'] : [MIN_DENSITY, 'text density'];
    if (proseOf(page, roots) >= min) return { roots, method };
  }
  return main && main.prose >= MIN_EXPLICIT ? { roots: [main.el], method: 'main' } : null;
}
/** The headline when it sits before the body, grown to its own small block, then standfirst and lead picture. */
function withLead(page: Page, roots: Element[], ctx: Ctx): Element[] {
  const [first, hs] = [roots[0], headlines(page)];
  const h1 = hs.filter((h) => h.compareDocumentPosition(first) & 4 /* FOLLOWING */).pop();
  if (!h1 || hs.some((h) => roots.some((r) => r.contains(h)))) return roots;
  let head: Element = h1;
  for (let a = h1.parentElement; a && !a.contains(first); a = a.parentElement) {
    const i = page.infos.get(a);
    if (!i?.parent || i.site || i.text > HEAD_MAX || leaveOut(i, ctx)) break;
    head = a;
  }
  const isLead = (i: Info | undefined) => {
    if (!i || i.text === 0 || leaveOut(i, ctx)) return false;
    if (STANDFIRST.test(i.words) || /description|alternativeHeadline/.test(i.prop)) return i.text <= HEAD_MAX;
    return i.tag === 'FIGURE' || ((i.tag === 'P' || i.tag === 'H2') && i.own >= 40 && i.link === 0 && i.text <= 600);
  };
  const lead = [head];
  for (let a: Element | null = head; a && !a.contains(first); a = a.parentElement) {
    for (let s = a.nextElementSibling, n = 0; s && n < 6 && !s.contains(first) && !roots.includes(s); s = s.nextElementSibling, n++) {
      if (isLead(page.infos.get(s))) lead.push(s);
    }
  }
  return [...lead, ...roots];
}
/** A header or footer is the article's own when it holds the headline, or sits in an <article> that is not the page. */
function ownSection(i: Info, ctx: Ctx): boolean {
  if (i.el.getElementsByTagName('h1').length > 0) return true;
  const a = i.site ? null : i.el.parentElement?.closest('article');
  return a != null && !ctx.siteOf(a);
}
/** Cheapest tests first: most elements of a story are plain <p>s, with no attribute and so no class word to test. */
function leaveOut(i: Info, ctx: Ctx): boolean {
  const { tag, words } = i;
  if (KEEP_TAGS.has(tag) || (i.prop !== '' && /\bliveBlogUpdate\b/.test(i.prop))) return false;
  if (tag === 'ARTICLE' && i.prose >= ENTRY_PROSE && i.link <= 0.3 * i.text) return false; // a live entry
  if (OUT_TAGS.has(tag) || (i.role !== '' && OUT_ROLES.has(i.role))) return true;
  if ((tag === 'HEADER' || tag === 'FOOTER') && !ownSection(i, ctx)) return true;
  if (!ctx.full) return words !== '' && CONSENT.test(words);
  // A furniture word on the block that carries the story ("paywall-content") is a label, not furniture.
  const carriesBody = i.prose >= 400 && i.prose >= 0.5 * ctx.rootProse();
  if (words !== '' && FURNITURE.test(words) && (COMMENTS.test(words) || !carriesBody)) return true;
  return (i.block || tag.includes('-')) && i.links >= MIN_LINKS && i.link >= 0.5 * i.text;
}
function scoped(page: Page, roots: Element[], method: string, ctx: Ctx): ArticleScope {
  const out = new Set<Element>();
  // Over the records, not the DOM: in document order a parent comes first, and a child is inside when it is.
  const inside = new Set<Info>();
  for (const i of page.order) {
    if (roots.includes(i.el)) inside.add(i);
    else if (i.parent !== null && inside.has(i.parent)) {
      if (leaveOut(i, ctx)) out.add(i.el);
      else inside.add(i);
    }
  }
  // An element added since (a new live entry) is judged on its own subtree, once; one outside the roots starts nothing
  // to leave out.
  const late = new WeakMap<Element, boolean>();
  const inRoots = (el: Element) => {
    for (let n = el.parentNode; n; n = n.parentNode ?? (n.nodeType === 11 ? ((n as ShadowRoot).host ?? null) : null)) {
      if (n.nodeType === 1 && roots.includes(n as Element)) return true; // open shadow roots: on to the host, as inScope
    }
    return false;
  };
  const leftOut = (el: Element, i = inRoots(el) ? measure(el, null, false).infos.get(el) : undefined) => i !== undefined && leaveOut(i, ctx);
  const judge = (el: Element) => late.set(el, leftOut(el)).get(el) === true;
  return { roots, method, excluded: (el) => out.has(el) || (!page.infos.has(el) && (late.get(el) ?? judge(el))) };
}
/** headlines(page)[0] without the page's pass: the first <h1> with text, not skipped, not in furniture. */
function firstHeadline(body: Element): Element | null {
  for (const h of body.getElementsByTagName('h1')) {
    if (isInSkippedSubtree(h, body) || measure(h, null, false).order[0].text === 0) continue;
    let clear = true;
    for (let a = h.parentElement; a && clear; a = a === body ? null : a.parentElement) {
      const [tag, role] = [a.tagName.toUpperCase(), a.getAttribute('role') ?? ''];
      clear = !(
        OUT_TAGS.has(tag) ||
        tag === 'FOOTER' ||
        OUT_ROLES.has(role) ||
        (tag === 'HEADER' && !a.closest('article') && measure(a, null, false).order[0].site)
      );
    }
    if (clear) return h;
  }
  return null;
}
/**
 * The common page, told by native selectors: no live-blog entry, no marked or JSON-LD body, no row of three <article>s
 * (a feed), and an <article> holding no site menu around the first headline. Then locate() would answer "article with h1"
 * (and withLead() add nothing: the headline is inside), so only that <article> is measured, not the page around it.
 */
function quickArticle(doc: Document, body: Element, tooLong: () => boolean): ArticleScope | null {
  if (body.querySelector('[itemprop*="liveBlogUpdate"], [itemprop*="articleBody"]') || readJsonLd(doc).bodies.length > 0) return null;
  const articles = body.getElementsByTagName('article');
  if (articles.length === 0) return null;
  const siblings = new Map<Node | null, number>();
  for (let k = 0; articles.length >= 3 && k < articles.length; k++) {
    const n = (siblings.get(articles[k].parentNode) ?? 0) + 1;
    if (n >= 3) return null;
    siblings.set(articles[k].parentNode, n);
  }
  const article = firstHeadline(body)?.closest('article');
  if (!article || !body.contains(article)) return null;
  if (article.querySelector('[role=banner], [role=contentinfo]')) return null;
  for (const nav of article.querySelectorAll('nav, [role=navigation]')) if (nav.getElementsByTagName('a').length >= MENU_LINKS) return null;
  // The ancestors as the full pass describes them: furniture around the article makes its paragraphs unlikely.
  const above: Element[] = [];
  for (let a = article.parentElement; a; a = a === body ? null : a.parentElement) above.unshift(a);
  const parent = above.reduce<Info | null>((up, a) => describe(a, a.tagName.toUpperCase(), a.hasAttributes(), up), null);
  const ai = describe(article, 'ARTICLE', article.hasAttributes(), parent);
  if (ai.site) return null;
  // Too little prose in the first paragraphs to be sure: the full pass decides (it finds the same when there is more).
  return proseAtLeast(article, ai, MIN_EXPLICIT) ? lazyScope(article, parent, ai, tooLong) : null;
}
const parentOrHost = (n: Node): Element | null => n.parentElement ?? (n.parentNode?.nodeType === 11 ? (n.parentNode as ShadowRoot).host : null);
/** The records of `el`'s ancestors below `top` (described, not measured), so a subtree measured alone reads as in a full pass; undefined in a skipped subtree. */
function describedAbove(el: Element, top: Element, topInfo: Info, known?: Map<Element, Info>): Info | undefined {
  const path: Element[] = [];
  let a = parentOrHost(el);
  for (; a && a !== top && !known?.has(a); a = parentOrHost(a)) {
    if (isSkippedElement(a)) return undefined;
    path.push(a);
  }
  let info = a && a !== top ? (known?.get(a) as Info) : topInfo;
  for (let k = path.length - 1; k >= 0; k--) info = describe(path[k], path[k].tagName.toUpperCase(), path[k].hasAttributes(), info);
  return info;
}
/** Text of the first long paragraphs of `root`, each measured alone (a lower bound of the root's text, or of its prose). */
function firstParagraphs(root: Element, rootInfo: Info, enough: number, prose: boolean): number {
  const ps = root.getElementsByTagName('p');
  const counted: Element[] = [];
  let sum = 0;
  // At most 8 paragraphs counted of the first 40 looked at: a page of short lines is left to the full pass.
  for (let k = 0; k < ps.length && k < 40 && counted.length < 8 && sum < enough; k++) {
    const p = ps[k];
    if (counted.some((c) => c.contains(p)) || (p.textContent?.length ?? 0) < MIN_PARA || isSkippedElement(p)) continue;
    const up = describedAbove(p, root, rootInfo);
    if (up === undefined) continue;
    counted.push(p);
    const [i] = measure(p, up, false).order;
    sum += prose ? i.prose : i.text;
  }
  return sum;
}
/** Whether the article has at least `min` of prose, from its first paragraphs alone (each one's prose counts in the article's). */
const proseAtLeast = (article: Element, ai: Info, min: number) => firstParagraphs(article, ai, min, true) >= min;

/**
 * The quick path's scope, judged as the scan asks: an element gets the full pass's answer (its ancestors kept, then
 * leaveOut on its record) but its subtree is measured only when a cheap test cannot settle it: most elements of a story
 * have no attribute, and a container whose links are a small part of its first paragraphs' text is no link list.
 */
function lazyScope(article: Element, parent: Info | null, ai: Info, tooLong: () => boolean): ArticleScope {
  const infos = new Map<Element, Info>();
  const measured = (el: Element, up: Info | null) => {
    const page = measure(el, up, false);
    for (const [e, i] of page.infos) infos.set(e, i);
    return page.order[0];
  };
  let prose = -1;
  const infoOf = (el: Element) => infos.get(el) ?? measured(el, el === article ? parent : (describedAbove(el, article, ai, infos) ?? null));
  // The article's own site flag is false: the selectors ruled out menus and banners in it.
  const ctx: Ctx = { full: true, rootProse: () => (prose < 0 ? (prose = infoOf(article).prose) : prose), siteOf: (a) => a !== article && infoOf(a).site };
  const linkListFree = (el: Element, d: Info) => {
    const anchors = el.getElementsByTagName('a');
    if (anchors.length < MIN_LINKS) return true;
    if (anchors.length > 500) return false; // not settled cheaply
    let link = 0;
    for (const a of anchors) link += a.textContent?.length ?? 0;
    return link < 0.5 * firstParagraphs(el, d, 2 * link + 1, false);
  };
  const leftOut = (el: Element): boolean => {
    const tag = el.tagName.toUpperCase();
    if (KEEP_TAGS.has(tag)) return false;
    const d = describe(el, tag, el.hasAttributes(), null);
    const furniture = d.words !== '' && FURNITURE.test(d.words);
    // What leaveOut() would decide from the element alone, without its subtree's sums.
    if (tag !== 'ARTICLE' && tag !== 'HEADER' && tag !== 'FOOTER' && !(d.prop !== '' && /\bliveBlogUpdate\b/.test(d.prop))) {
      if (OUT_TAGS.has(tag) || (d.role !== '' && OUT_ROLES.has(d.role))) return true;
      if (furniture && COMMENTS.test(d.words)) return true;
      if (!furniture && (!(d.block || tag.includes('-')) || linkListFree(el, d))) return false;
    }
    // On a page far longer than any article a subtree is not measured (a long task): kept, as the whole page would be.
    return !tooLong() && leaveOut(infoOf(el), ctx);
  };
  // 0: outside the article; 1: kept; 2: left out; 3: inside a left-out element (the full pass names only the outermost).
  const state = new WeakMap<Element, number>();
  const stateOf = (el: Element): number => {
    if (el === article) return 1;
    let s = state.get(el);
    if (s === undefined) {
      const p = parentOrHost(el);
      const up = p ? stateOf(p) : 0;
      s = up === 0 ? 0 : up !== 1 ? 3 : leftOut(el) ? 2 : 1;
      state.set(el, s);
    }
    return s;
  };
  return { roots: [article], method: 'article with h1', excluded: (el) => stateOf(el) === 2 };
}
/**
 * The quick path alone (see quickArticle): null when the page needs the full pass. `tooLong` says whether the page is far
 * longer than any article; asked only when an element cannot be judged without measuring its subtree.
 */
export function quickArticleScope(doc: Document, tooLong: () => boolean = () => false): ArticleScope | null {
  return doc.body ? quickArticle(doc, doc.body, tooLong) : null;
}
/** The full pass over the whole page: every signal, strongest first. */
export function fullArticleScope(doc: Document): ArticleScope {
  const body = doc.body;
  if (!body) return { roots: [], method: 'whole page', excluded: () => false };
  const page = measure(body);
  const found = locate(doc, page);
  if (!found) return scoped(page, [body], 'whole page', pageCtx(page, false, page.order[0].prose));
  const ctx = pageCtx(page, true, proseOf(page, found.roots));
  return scoped(page, withLead(page, found.roots, ctx), found.method, ctx);
}
/** `quick: false` always measures the whole page (for tests: the quick path must find the same scope). */
export function findArticleScope(doc: Document, quick = true): ArticleScope {
  return (quick ? quickArticleScope(doc) : null) ?? fullArticleScope(doc);
}
/** Whether a node (typically a Text node) is in scope: under a root, with no left-out element on the way. */
export function inScope(scope: ArticleScope, node: Node): boolean {
  const stop = (n: Node) => n.nodeType === 1 && (scope.roots.includes(n as Element) || scope.excluded(n as Element));
  let n: Node | null = node;
  while (n && !stop(n)) n = n.parentNode ?? (n.nodeType === 11 ? (n as ShadowRoot).host : null); // open shadow roots: on to the host
  return n !== null && scope.roots.includes(n as Element);
}
