/**
 * Finds the article body of a page, so names are marked in the story and not in menus, "most read" lists or footers.
 * One pass over the page's nodes reads tags, attributes and text lengths only (no layout, no innerText); the signals
 * are then tried strongest first, as Mozilla Readability and similar extractors do. Pure and cheap: the caller
 * recomputes it when the page changes (live blogs, infinite feeds, SPAs). See docs/adr/0003-article-scope.md.
 */
import { isSkippedElement } from './walk';

export type ArticleScope = {
  /** Disjoint elements whose text to scan, in document order: the body, plus headline and standfirst when outside it. */
  roots: Element[];
  /** How the body was found, for the popup and debugging. */
  method: string;
  /** Whether an element inside a root starts a subtree to leave out. Roots never are; use inScope() for any node. */
  excluded(el: Element): boolean;
};

/** Same block tags as walk.ts: text under one of these is its own paragraph. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'HTML', 'LI', 'LEGEND', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD',
  'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const OUT_TAGS = new Set(['NAV', 'ASIDE', 'MENU', 'DIALOG']);
const OUT_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alertdialog']);
/** Pictures, captions and pull quotes belong to the story whatever their class says. */
const KEEP_TAGS = new Set(['FIGURE', 'FIGCAPTION', 'BLOCKQUOTE']);
/** Readability's starting scores: containers of prose up, lists and headings down. */
const TAG_SCORE: Record<string, number> = {
  DIV: 5, ARTICLE: 5, PRE: 3, TD: 3, BLOCKQUOTE: 3, ADDRESS: -3, OL: -3, UL: -3, DL: -3, DD: -3, DT: -3, LI: -3,
  FORM: -3, H2: -5, H3: -5, H4: -5, H5: -5, H6: -5, TH: -5,
};

// Class, id and custom-tag words, matched on whole words after camelCase is split ("mostRead" is "most-read", and
// "headline" never holds "ad"). A few French, Spanish and German words, since European sites use them.
const FURNITURE = /(?:^|[^a-z])(?:nav|navbar|navigation|menu|breadcrumbs?|masthead|footer|sidebar|rail|related|recommended|promos?|comments?|disqus|replies|share|sharing|social|newsletters?|signup|cookies?|consent|gdpr|cmp|ads?|advert\w*|adslot|banner|sponsored|subscribe|subscription|paywall|most-?read|most-?popular|popular|trending|outbrain|taboola|tags|toolbar|widgets?|plus-lus|mas-leidas?|meistgelesen|publicite|publicidad|werbung|anzeige|commentaires|comentarios|kommentare)(?![a-z])/;
const COMMENTS = /(?:^|[^a-z])(?:comments?|disqus|replies|commentaires|comentarios|kommentare)(?![a-z])/;
const CONSENT = /(?:^|[^a-z])(?:cookies?|consent|gdpr|cmp)(?![a-z])/;
const POSITIVE = /(?:^|[^a-z])(?:article|story|body|content|post|entry|text|main|hentry|prose|blog|contenu|texte|cuerpo|noticia|articulo|artikel|inhalt|beitrag)/;
/** Readability's "ok, maybe it's a candidate": such a container is penalised for a furniture word, never dropped. */
const STRONG = /(?:^|[^a-z])(?:article|body|content|main|story|contenu|cuerpo|artikel|inhalt)/;
const STANDFIRST = /(?:^|[^a-z])(?:standfirst|dek|deck|sub-?head\w*|subtitle|summary|lede|lead|intro|excerpt|description|kicker|chapo|chapeau|entradilla|sumario|vorspann|teaser)/;
const BLANK = /^\s*$/;

const MIN_PARA = 25; // shorter blocks are labels, buttons, dates
const MIN_EXPLICIT = 140; // prose an explicitly marked body needs (a short wire story still has this much)
const MIN_DENSITY = 500; // prose the best unmarked candidate needs, as in Readability
const ENTRY_PROSE = 100; // prose of one live-blog entry
const MIN_LINKS = 3; // "several links": one link in a short paragraph is not a link list
const MENU_LINKS = 5; // a <nav> with this many links is the site's menu: what holds it is page furniture
const HEAD_MAX = 1500; // text of the block around the headline (headline, standfirst, byline, share bar)

type Info = {
  el: Element; tag: string; role: string; words: string; parent: Info | null;
  block: boolean; unlikely: boolean; linked: boolean; site: boolean; scored: boolean;
  text: number; own: number; link: number; ownLink: number; links: number; commas: number; ownCommas: number;
  prose: number; entries: number; score: number;
};
type Page = { infos: Map<Element, Info>; order: Info[]; paras: Info[]; candidates: Info[] };
type Ctx = { page: Page; full: boolean; rootProse: number };

function describe(el: Element, parent: Info | null): Info {
  const tag = el.tagName.toUpperCase();
  const raw = `${el.id} ${el.getAttribute('class') ?? ''}${tag.includes('-') ? ` ${tag}` : ''}`;
  const words = raw.length > 1 ? raw.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase() : '';
  const role = el.getAttribute('role') ?? '';
  // Furniture's paragraphs never score (Readability drops "unlikely candidates" before scoring). The tags
  // <article> and <main> outweigh a class word: a newsletter platform's post is "newsletter-post".
  const furniture = OUT_TAGS.has(tag) || tag === 'HEADER' || tag === 'FOOTER' || OUT_ROLES.has(role) ||
    (FURNITURE.test(words) && !STRONG.test(words) && tag !== 'ARTICLE' && tag !== 'MAIN');
  return {
    el, tag, role, words, parent, block: BLOCK.has(tag), unlikely: parent !== null && (parent.unlikely || furniture),
    linked: (parent?.linked ?? false) || tag === 'A', site: role === 'banner' || role === 'contentinfo',
    scored: false, text: 0, own: 0, link: 0, ownLink: 0, links: 0, commas: 0, ownCommas: 0, prose: 0, entries: 0, score: 0,
  };
}

function countCommas(s: string): number {
  let n = 0;
  for (let i = s.indexOf(','); i >= 0; i = s.indexOf(',', i + 1)) n++;
  for (let i = s.indexOf('，'); i >= 0; i = s.indexOf('，', i + 1)) n++;
  return n;
}

/** One iterative pass: text lengths in pre-order, then sums and paragraph scores bottom-up in reverse. */
function measure(root: Element): Page {
  const page: Page = { infos: new Map(), order: [], paras: [], candidates: [] };
  const stack: Array<{ info: Info; kids: NodeListOf<ChildNode>; i: number }> = [];
  const enter = (el: Element, parent: Info | null) => {
    const info = describe(el, parent);
    page.infos.set(el, info);
    page.order.push(info);
    stack.push({ info, kids: el.childNodes, i: 0 });
  };
  enter(root, null);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.i >= top.kids.length) {
      stack.pop();
      continue;
    }
    const node = top.kids[top.i++];
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (BLANK.test(data)) continue;
      const c = countCommas(data);
      const info = top.info;
      info.text += data.length;
      info.own += data.length;
      info.commas += c;
      info.ownCommas += c;
    } else if (node.nodeType === 1 && !isSkippedElement(node as Element)) enter(node as Element, top.info);
  }
  for (let k = page.order.length - 1; k >= 0; k--) finish(page, page.order[k]);
  page.paras.reverse();
  return page;
}

function finish(page: Page, i: Info): void {
  if (i.tag === 'A') {
    i.link = i.text;
    i.links += 1;
  }
  // The site's menu, not a breadcrumb or a table of contents of a few links.
  if ((i.tag === 'NAV' || i.role === 'navigation') && i.links >= MENU_LINKS) i.site = true;
  if (i.block && !i.unlikely && i.tag !== 'H1' && i.own >= MIN_PARA) {
    const density = i.linked ? 1 : i.ownLink / i.own;
    if (density < 0.5) {
      i.prose += i.own;
      page.paras.push(i);
    }
    // Readability: 1 + commas + a point per 100 characters (at most 3), shared with the parent, half to the
    // grandparent, then a third per level; here also scaled down by the paragraph's own links.
    const score = (1 + i.ownCommas + Math.min(Math.floor(i.own / 100), 3)) * (1 - density);
    let a = i.parent;
    for (let level = 0; a && level < 5 && score > 0; a = a.parent, level++) {
      if (!a.scored) {
        a.scored = true;
        a.score = (TAG_SCORE[a.tag] ?? 0) + (POSITIVE.test(a.words) ? 25 : 0) - (FURNITURE.test(a.words) ? 25 : 0);
        page.candidates.push(a);
      }
      a.score += score / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  const p = i.parent;
  if (!p) return;
  p.text += i.text;
  p.link += i.link;
  p.links += i.links;
  p.commas += i.commas;
  p.prose += i.prose;
  p.site ||= i.site;
  if (!i.block) {
    p.own += i.text;
    p.ownLink += i.link;
    p.ownCommas += i.commas;
  }
  if (i.tag === 'ARTICLE' && i.prose >= ENTRY_PROSE && i.link <= 0.3 * i.text) p.entries += 1;
}

const final = (i: Info) => i.score * (1 - (i.text > 0 ? i.link / i.text : 0));
function isIn(i: Info | null, ancestor: Info): boolean {
  for (; i; i = i.parent) if (i === ancestor) return true;
  return false;
}
function commonAncestor(list: Info[]): Info | null {
  let c: Info | null = list[0];
  for (const i of list) while (c && !isIn(i, c)) c = c.parent;
  return c;
}
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const prose = (page: Page, els: Element[]) => els.reduce((n, e) => n + (page.infos.get(e)?.prose ?? 0), 0);

/** Best text-density candidate (inside `within`), moved up as Readability does when the story is split in parts. */
function topCandidate(page: Page, within: Info | null): Info | null {
  const inside = (i: Info) => !within || isIn(i, within);
  const ranked = page.candidates.filter(inside).map((c) => ({ c, s: final(c) })).sort((a, b) => b.s - a.s);
  if (ranked.length === 0 || ranked[0].s <= 0) return null;
  let top = ranked[0].c;
  const alts = ranked.slice(1, 5).filter((r) => r.s >= 0.75 * ranked[0].s).map((r) => r.c);
  if (alts.length >= 3) {
    for (let p = top.parent; p && p.parent && inside(p); p = p.parent) {
      if (alts.filter((a) => isIn(a, p)).length >= 3) {
        top = p;
        break;
      }
    }
  }
  let last = final(top);
  for (let p = top.parent; p && p.parent && inside(p); p = p.parent) {
    if (!p.scored) continue;
    const s = final(p);
    if (s < last / 3) break;
    if (s > last) {
      top = p;
      break;
    }
    last = s;
  }
  while (top.parent?.parent && top.parent.el.children.length === 1 && inside(top.parent)) top = top.parent;
  return top;
}

/** Readability's sibling step: parts of the story the best candidate left out (split by an ad, say). */
function withSiblings(page: Page, top: Info): Element[] {
  const parent = top.el.parentElement;
  if (!parent || !top.parent) return [top.el];
  const s0 = final(top);
  const cls = top.el.getAttribute('class');
  const out: Element[] = [];
  for (let k = 0; k < parent.children.length; k++) {
    const sib = parent.children[k];
    const i = page.infos.get(sib);
    if (sib === top.el) out.push(sib);
    if (!i || sib === top.el || i.unlikely || i.site) continue;
    const bonus = cls && sib.getAttribute('class') === cls ? s0 * 0.2 : 0;
    const density = i.text > 0 ? i.link / i.text : 1;
    const para = i.tag === 'FIGURE' || ((i.tag === 'P' || i.tag === 'BLOCKQUOTE') &&
      ((i.own > 80 && density < 0.25) || (i.own > 0 && i.own <= 80 && i.link === 0 && /\.( |$)/.test(sib.textContent ?? ''))));
    if ((i.scored && final(i) + bonus >= Math.max(10, s0 * 0.2)) || para) out.push(sib);
  }
  return out;
}

function readJsonLd(doc: Document): { bodies: string[]; live: boolean } {
  const out = { bodies: [] as string[], live: false };
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    if (String(o['@type']).includes('LiveBlogPosting')) out.live = true;
    if (typeof o.articleBody === 'string') out.bodies.push(o.articleBody);
    for (const k of Object.keys(o)) if (k !== 'articleBody') visit(o[k], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD is common; the other signals still work.
    }
  }
  return out;
}

/** The paragraph that opens the JSON-LD articleBody, then the nearest container holding most of that text. */
function matchBody(page: Page, body: string): Info | null {
  const full = norm(body);
  const key = full.slice(0, 60);
  if (key.length < 20) return null;
  const para = page.paras.find((p) => {
    const t = norm(p.el.textContent ?? '').slice(0, 60);
    return t.length >= 20 && (t.startsWith(key) || key.startsWith(t));
  });
  let best: Info | null = null;
  for (let a = para?.parent ?? null, n = 0; a?.parent && !a.site && n < 6; a = a.parent, n++) {
    if (a.text >= 0.7 * full.length) return a;
    if (a.scored && (!best || final(a) > final(best))) best = a;
  }
  return best ?? para?.parent ?? null;
}

function liveContainer(doc: Document, page: Page, hinted: boolean): Info | null {
  const updates = Array.from(doc.querySelectorAll('[itemprop~="liveBlogUpdate"]'), (e) => page.infos.get(e)).filter((i) => i !== undefined);
  if (updates.length > 0) {
    const c = updates.length > 1 ? commonAncestor(updates) : updates[0].parent;
    return c?.parent ? c : null;
  }
  let best: Info | null = null;
  for (const i of page.order) if (i.entries >= 3 && (!best || i.entries > best.entries)) best = i;
  // Repeated <article>s are also how teaser lists look: only a container holding most of the page's prose is a live feed.
  return best?.parent && (hinted || best.prose >= 0.5 * page.order[0].prose) ? best : null;
}

/** The page's headlines: <h1>s with text, not in a menu, sidebar, footer or the site's own header. */
function headlines(doc: Document, page: Page): Element[] {
  return Array.from(doc.getElementsByTagName('h1')).filter((h) => {
    let i = page.infos.get(h);
    if (!i || i.text === 0) return false;
    for (i = i.parent ?? undefined; i; i = i.parent ?? undefined) {
      if (OUT_TAGS.has(i.tag) || i.tag === 'FOOTER' || OUT_ROLES.has(i.role)) return false;
      if (i.tag === 'HEADER' && i.site && !i.el.closest('article')) return false;
    }
    return true;
  });
}

type Found = { roots: Element[]; method: string };

function locate(doc: Document, page: Page): Found | null {
  const ld = readJsonLd(doc);
  const live = liveContainer(doc, page, ld.live);
  if (live) return { roots: [live.el], method: 'live blog' };
  const marked = Array.from(doc.querySelectorAll('[itemprop~="articleBody"]'), (e) => page.infos.get(e)).filter((i) => i !== undefined && i.text > 0) as Info[];
  if (marked.length > 0) {
    const all = commonAncestor(marked);
    const sum = marked.reduce((n, i) => n + i.prose, 0);
    const pick = marked.length > 1 && all?.parent && sum >= 0.5 * all.prose ? all : marked.reduce((a, b) => (b.prose > a.prose ? b : a));
    if (pick.prose >= MIN_EXPLICIT) return { roots: [pick.el], method: 'itemprop=articleBody' };
  }
  for (const text of ld.bodies) {
    const b = matchBody(page, text);
    if (b && b.prose >= MIN_EXPLICIT) return { roots: [b.el], method: 'JSON-LD articleBody' };
  }
  const article = headlines(doc, page)[0]?.closest('article');
  const ai = article ? page.infos.get(article) : undefined;
  if (ai && ai.prose >= MIN_EXPLICIT) {
    if (!ai.site) return { roots: [ai.el], method: 'article with h1' };
    // An <article> that wraps the whole page, menus included, says nothing: look for the story inside it.
    const inner = topCandidate(page, ai);
    if (inner && prose(page, [inner.el]) >= MIN_EXPLICIT) return { roots: withSiblings(page, inner), method: 'text density in article' };
  }
  const mainEl = doc.querySelector('main, [role="main"]');
  const main = mainEl ? page.infos.get(mainEl) : undefined;
  for (const within of main ? [main, null] : [null]) {
    const top = topCandidate(page, within);
    const roots = top ? withSiblings(page, top) : [];
    if (top && prose(page, roots) >= MIN_DENSITY) return { roots, method: 'text density' };
  }
  return main && main.prose >= MIN_EXPLICIT ? { roots: [main.el], method: 'main' } : null;
}

function isLead(page: Page, el: Element, ctx: Ctx): boolean {
  const i = page.infos.get(el);
  if (!i || i.text === 0 || leaveOut(i, ctx)) return false;
  if (i.tag === 'FIGURE') return true;
  if (STANDFIRST.test(i.words) || /description|alternativeHeadline/.test(el.getAttribute('itemprop') ?? '')) return i.text <= HEAD_MAX;
  return (i.tag === 'P' || i.tag === 'H2') && i.own >= 40 && i.link === 0 && i.text <= 600;
}

/** The headline when it sits before the body, grown to its own small block, then standfirst and lead picture. */
function withLead(doc: Document, page: Page, roots: Element[], ctx: Ctx): Element[] {
  const first = roots[0];
  const hs = headlines(doc, page);
  if (hs.some((h) => roots.some((r) => r.contains(h)))) return roots;
  const h1 = hs.filter((h) => h.compareDocumentPosition(first) & 4 /* FOLLOWING */).pop();
  if (!h1) return roots;
  let head: Element = h1;
  for (let a = h1.parentElement; a && !a.contains(first); a = a.parentElement) {
    const i = page.infos.get(a);
    if (!i?.parent || i.site || i.text > HEAD_MAX || leaveOut(i, ctx)) break;
    head = a;
  }
  const lead = [head];
  for (let a: Element | null = head; a && !a.contains(first); a = a.parentElement) {
    for (let s = a.nextElementSibling, n = 0; s && n < 6; s = s.nextElementSibling, n++) {
      if (s.contains(first) || roots.includes(s)) break;
      if (isLead(page, s, ctx)) lead.push(s);
    }
  }
  return [...lead, ...roots];
}

/** A header or footer is the article's own when it holds the headline or sits in an <article> that is not the page. */
function ownSection(i: Info, ctx: Ctx): boolean {
  if (i.el.getElementsByTagName('h1').length > 0) return true;
  if (i.site) return false;
  const article = i.el.parentElement?.closest('article');
  const ai = article ? ctx.page.infos.get(article) : undefined;
  return ai ? !ai.site : Boolean(article);
}

function leaveOut(i: Info, ctx: Ctx): boolean {
  const { tag, words } = i;
  const entry = (i.el.getAttribute('itemprop') ?? '').includes('liveBlogUpdate') ||
    (tag === 'ARTICLE' && i.prose >= ENTRY_PROSE && i.link <= 0.3 * i.text);
  if (KEEP_TAGS.has(tag) || entry) return false;
  if (OUT_TAGS.has(tag) || OUT_ROLES.has(i.role)) return true;
  if ((tag === 'HEADER' || tag === 'FOOTER') && !ownSection(i, ctx)) return true;
  if (!ctx.full) return CONSENT.test(words);
  // A furniture word on the block that carries the story ("article-body paywalled") is a label, not furniture.
  const carriesBody = i.prose >= 400 && i.prose >= 0.5 * ctx.rootProse;
  if (FURNITURE.test(words) && (COMMENTS.test(words) || !carriesBody)) return true;
  return (i.block || tag.includes('-')) && i.links >= MIN_LINKS && i.link >= 0.5 * i.text;
}

function scoped(page: Page, roots: Element[], method: string, ctx: Ctx): ArticleScope {
  const out = new Set<Element>();
  for (const root of roots) {
    const stack = Array.from(root.children);
    for (let el = stack.pop(); el; el = stack.pop()) {
      const i = page.infos.get(el);
      if (!i) continue; // skipped by the walker too
      if (leaveOut(i, ctx)) out.add(el);
      else for (let k = 0; k < el.children.length; k++) stack.push(el.children[k]);
    }
  }
  // Elements added since (a new live entry): judged on their own subtree, once.
  const late = new WeakMap<Element, boolean>();
  const judge = (el: Element) => {
    const i = measure(el).infos.get(el);
    const v = i !== undefined && leaveOut(i, ctx);
    late.set(el, v);
    return v;
  };
  return {
    roots,
    method,
    excluded: (el) => out.has(el) || (!page.infos.has(el) && (late.get(el) ?? judge(el))),
  };
}

export function findArticleScope(doc: Document): ArticleScope {
  const body = doc.body;
  if (!body) return { roots: [], method: 'whole page', excluded: () => false };
  const page = measure(body);
  const found = locate(doc, page);
  if (!found) return scoped(page, [body], 'whole page', { page, full: false, rootProse: page.order[0].prose });
  const ctx: Ctx = { page, full: true, rootProse: prose(page, found.roots) };
  return scoped(page, withLead(doc, page, found.roots, ctx), found.method, ctx);
}

/** Whether a node (typically a Text node) is in scope: under a root, with no left-out element on the way. */
export function inScope(scope: ArticleScope, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n.nodeType === 11 ? (n as ShadowRoot).host : null)) {
    if (n.nodeType !== 1) continue;
    if (scope.roots.includes(n as Element)) return true;
    if (scope.excluded(n as Element)) return false;
  }
  return false;
}
