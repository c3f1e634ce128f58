/**
 * The article scope's one pass (see article-scope.ts and ADR 0003): the signal word lists and thresholds,
 * a record per element with its text, link text, commas and prose, and Readability-style paragraph scores.
 */
import { isBlockTag, isSkippedElement, isSkippedTag } from './walk';

export const tags = (list: string) => new Set(list.split(' '));
export const OUT_TAGS = tags('NAV ASIDE MENU DIALOG');
export const OUT_ROLES = tags('navigation banner contentinfo complementary search menu menubar dialog alertdialog');
/** Pictures, captions and pull quotes belong to the story whatever their class says. */
export const KEEP_TAGS = tags('FIGURE FIGCAPTION BLOCKQUOTE');
/** Readability's starting scores: containers of prose up, lists and headings down. */
export const TAG_SCORE: Record<string, number> = {
  DIV: 5,
  ARTICLE: 5,
  PRE: 3,
  TD: 3,
  BLOCKQUOTE: 3,
  ADDRESS: -3,
  OL: -3,
  UL: -3,
  DL: -3,
  DD: -3,
  DT: -3,
  LI: -3,
  FORM: -3,
  H2: -5,
  H3: -5,
  H4: -5,
  H5: -5,
  H6: -5,
  TH: -5,
};
// Class, id and custom-tag words, as whole words once camelCase is split ("mostRead" is "most-read"; "headline" holds no
// "ad"). Some French, Spanish and German words: sites use them. Tested by tokens (the runs of a-z), not by regexes: a
// page runs these once, cold, and compiling a regex of a hundred alternatives, or parsing one, cost more than the rest
// of the quick path. tests/unit/article-words.test.ts holds each list to the regex it replaced.
export type WordList = { test(words: string): boolean };
type Pair = { a: string; b: string };
/**
 * `exact`: whole tokens; `starts`: token prefixes ("advert" for "advertisement"); `pairs`: two tokens joined by one
 * hyphen ("most-read"), the second one a prefix too when `openPairs`. Space-separated, read on first use.
 */
export function words(spec: { exact?: string; starts?: string; pairs?: string; openPairs?: boolean }): WordList {
  let exact: Set<string> | null = null;
  let starts: Set<string> | null = null;
  let pairs: Pair[] = [];
  const isLetter = (c: number) => c >= 97 && c <= 122;
  const startsWithOne = (t: string, set: Set<string>) => {
    for (let n = 1; n <= t.length; n++) if (set.has(t.slice(0, n))) return true;
    return false;
  };
  return {
    test(s: string): boolean {
      if (exact === null || starts === null) {
        exact = new Set(spec.exact ? spec.exact.split(' ') : []);
        starts = new Set(spec.starts ? spec.starts.split(' ') : []);
        pairs = spec.pairs ? spec.pairs.split(' ').map((p) => ({ a: p.slice(0, p.indexOf('-')), b: p.slice(p.indexOf('-') + 1) })) : [];
      }
      let prev: string | null = null; // the previous token, when a lone "-" joins it to this one
      for (let i = 0; i < s.length;) {
        if (!isLetter(s.charCodeAt(i))) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < s.length && isLetter(s.charCodeAt(j))) j++;
        const t = s.slice(i, j);
        if (exact.has(t) || (starts.size > 0 && startsWithOne(t, starts))) return true;
        for (const p of pairs) if (prev === p.a && (spec.openPairs ? t.startsWith(p.b) : t === p.b)) return true;
        prev = s.charCodeAt(j) === 45 && j + 1 < s.length && isLetter(s.charCodeAt(j + 1)) ? t : null;
        i = j;
      }
      return false;
    },
  };
}
export const FURNITURE = words({
  exact:
    'nav navbar navigation menu breadcrumb breadcrumbs masthead footer sidebar rail related recommended promo promos share sharing social ' +
    'newsletter newsletters signup cookie cookies consent gdpr cmp ad ads adslot leaderboard mpu banner sponsored subscribe subscription ' +
    'paywall mostread mostpopular popular trending outbrain taboola tags toolbar widget widgets meistgelesen publicite publicidad werbung ' +
    'anzeige comment comments disqus replies commentaires comentarios kommentare',
  starts: 'advert',
  pairs: 'most-read most-popular plus-lus mas-leida mas-leidas',
});
export const COMMENTS = words({ exact: 'comment comments disqus replies commentaires comentarios kommentare' });
export const CONSENT = words({ exact: 'cookie cookies consent gdpr cmp' });
export const POSITIVE = words({
  starts: 'article story body content post entry text main hentry prose blog contenu texte cuerpo noticia articulo artikel inhalt beitrag',
});
/** Readability's "ok, maybe it's a candidate": such a container is penalised for a furniture word, never dropped. */
export const STRONG = words({ starts: 'article body content main story contenu cuerpo artikel inhalt' });
export const STANDFIRST = words({
  starts: 'standfirst dek deck subhead subtitle summary lede lead intro excerpt description kicker chapo chapeau entradilla sumario vorspann teaser',
  pairs: 'sub-head',
  openPairs: true,
});
export const MIN_PARA = 25; // shorter blocks are labels, buttons, dates
export const MIN_EXPLICIT = 140; // prose an explicitly marked body needs (a short wire story still has this much)
export const MIN_DENSITY = 500; // prose the best unmarked candidate needs, as in Readability
export const ENTRY_PROSE = 100; // prose of one live-blog entry
export const MIN_LINKS = 3; // "several links": one link in a short paragraph is not a link list
export const MENU_LINKS = 5; // a <nav> with this many links is the site's menu, and what holds it is page furniture
export const HEAD_MAX = 1500; // text of the block around the headline (headline, standfirst, byline, share bar)

export type Info = {
  el: Element;
  tag: string;
  role: string;
  prop: string;
  words: string;
  parent: Info | null;
  block: boolean;
  unlikely: boolean;
  linked: boolean;
  site: boolean;
  scored: boolean;
  score: number;
  /** Text, link text and links of the subtree; `own*` (and commas) count only text not inside a nested block. */
  text: number;
  own: number;
  link: number;
  ownLink: number;
  links: number;
  ownCommas: number;
  /** Text of the subtree's scored paragraphs that are not mostly links; entries: live-blog-like <article> children. */
  prose: number;
  entries: number;
};
/** `scores`: whether paragraphs give Readability scores to their ancestors (only text density needs them). */
export type Page = { infos: Map<Element, Info>; order: Info[]; candidates: Info[]; scores: boolean };
/** What the leave-out rules read besides an element's own record: the scan's roots' prose, and whether an <article> holds the site's menus. */
export type Ctx = { full: boolean; rootProse: () => number; siteOf: (el: Element) => boolean | undefined };
/** The rules' context over a measured page. */
export const pageCtx = (page: Page, full: boolean, rootProse: number): Ctx => ({ full, rootProse: () => rootProse, siteOf: (el) => page.infos.get(el)?.site });
/** "mostRead" → "most-read", lower case: camelCase split as the word lists expect (no regex: this runs cold on every page). */
function kebab(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 1; i < s.length; i++) {
    const [a, b] = [s.charCodeAt(i - 1), s.charCodeAt(i)];
    if (a >= 97 && a <= 122 && b >= 65 && b <= 90) {
      out += `${s.slice(from, i)}-`;
      from = i;
    }
  }
  return (out + s.slice(from)).toLowerCase();
}
export function describe(el: Element, tag: string, attrs: boolean, parent: Info | null): Info {
  // Most elements of a story (its <p>s) have no attributes: skip the reads.
  const raw = attrs ? `${el.id} ${el.getAttribute('class') ?? ''}` : '';
  const custom = tag.includes('-') ? ` ${tag}` : ''; // <amp-ad>, <ad-slot>: the tag names the thing
  const words = raw.length > 1 || custom ? kebab(`${raw}${custom}`) : '';
  const role = (attrs && el.getAttribute('role')) || '';
  // Furniture's paragraphs never score (Readability's "unlikely candidates"); <article> and <main> outweigh a word.
  const furniture =
    OUT_TAGS.has(tag) ||
    tag === 'HEADER' ||
    tag === 'FOOTER' ||
    OUT_ROLES.has(role) ||
    (words !== '' && FURNITURE.test(words) && !STRONG.test(words) && tag !== 'ARTICLE' && tag !== 'MAIN');
  return {
    el,
    tag,
    role,
    prop: (attrs && el.getAttribute('itemprop')) || '',
    words,
    parent,
    block: isBlockTag(tag),
    unlikely: parent !== null && (parent.unlikely || furniture),
    linked: (parent !== null && parent.linked) || tag === 'A',
    site: role === 'banner' || role === 'contentinfo',
    scored: false,
    score: 0,
    text: 0,
    own: 0,
    link: 0,
    ownLink: 0,
    links: 0,
    ownCommas: 0,
    prose: 0,
    entries: 0,
  };
}
/**
 * The one pass: text lengths in document order, then sums and paragraph scores bottom-up (reverse order). `parent`
 * describes the root's ancestors when only part of the page is measured. No stack: the walk climbs by `Info.parent`.
 */
export function measure(root: Element, parent: Info | null = null, scores = true): Page {
  const page: Page = { infos: new Map(), order: [], candidates: [], scores };
  const enter = (el: Element, tag: string, attrs: boolean, up: Info | null) => {
    const info = describe(el, tag, attrs, up);
    page.infos.set(el, info);
    page.order.push(info);
    return info;
  };
  const top = enter(root, root.tagName.toUpperCase(), root.hasAttributes(), parent);
  let cur = top;
  for (let node = root.firstChild; ;) {
    if (node === null) {
      if (cur === top) break;
      node = cur.el.nextSibling; // this element is done: on to its next sibling
      cur = cur.parent as Info;
      continue;
    }
    const type = node.nodeType;
    if (type === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      const attrs = el.hasAttributes(); // walk.ts's test, reading attributes only when there are some
      if (!isSkippedTag(tag) && !(attrs && isSkippedElement(el))) {
        cur = enter(el, tag, attrs, cur);
        node = el.firstChild;
        continue;
      }
    } else if (type === 3) {
      const data = (node as Text).data; // read once: in a Firefox content script every read copies the string
      const c0 = data.charCodeAt(0); // a printable ASCII first character settles it without a regex
      if ((c0 > 32 && c0 < 127) || !/^\s*$/.test(data)) {
        // not indentation between tags
        for (let c = scores ? data.indexOf(',') : -1; c >= 0; c = data.indexOf(',', c + 1)) cur.ownCommas++;
        for (let c = scores ? data.indexOf('，') : -1; c >= 0; c = data.indexOf('，', c + 1)) cur.ownCommas++;
        cur.text += data.length;
        cur.own += data.length;
      }
    }
    node = node.nextSibling;
  }
  for (let k = page.order.length - 1; k >= 0; k--) finish(page, page.order[k], top);
  return page;
}
export function finish(page: Page, i: Info, top: Info): void {
  if (i.tag === 'A') {
    i.link = i.text;
    i.links += 1;
  }
  if ((i.tag === 'NAV' || i.role === 'navigation') && i.links >= MENU_LINKS) i.site = true; // a menu, not breadcrumbs
  if (i.block && !i.unlikely && i.tag !== 'H1' && i.own >= MIN_PARA) {
    // Readability: 1 + commas + a point per 100 characters (at most 3), given to the parent, half to the
    // grandparent, then a third per level; here also scaled down by the paragraph's own links.
    const density = i.linked ? 1 : i.ownLink / i.own;
    if (density < 0.5) i.prose += i.own;
    const points = !page.scores ? 0 : (1 + i.ownCommas + Math.min(Math.floor(i.own / 100), 3)) * (1 - density);
    for (let a = i.parent, level = 0; a && level < 5 && points > 0; a = a.parent, level++) {
      if (!a.scored) {
        a.scored = true;
        a.score = initialScore(a);
        page.candidates.push(a);
      }
      a.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  const p = i.parent;
  if (!p || i === top) return; // the sums stop at the measured root
  p.text += i.text;
  p.link += i.link;
  p.links += i.links;
  p.prose += i.prose;
  p.site ||= i.site;
  // Text of inline children is the parent's own: "<p>Xi <a>Jinping</a></p>" is one paragraph.
  if (!i.block) {
    p.own += i.text;
    p.ownLink += i.link;
    p.ownCommas += i.ownCommas; // an inline element's commas are all its own
  }
  if (i.tag === 'ARTICLE' && i.prose >= ENTRY_PROSE && i.link <= 0.3 * i.text) p.entries += 1;
}
export const initialScore = (a: Info) => (TAG_SCORE[a.tag] ?? 0) + (POSITIVE.test(a.words) ? 25 : 0) - (FURNITURE.test(a.words) ? 25 : 0);
export const final = (i: Info) => i.score * (1 - (i.text > 0 ? i.link / i.text : 0)); // Readability scales by link density
export const isIn = (i: Info | null, ancestor: Info): boolean => i !== null && (i === ancestor || isIn(i.parent, ancestor));
export const commonAncestor = (list: Info[]) =>
  list.reduce<Info | null>((c, i) => {
    while (c && !isIn(i, c)) c = c.parent;
    return c;
  }, list[0]);
export const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
export const proseOf = (page: Page, els: Element[]) => els.reduce((n, e) => n + (page.infos.get(e)?.prose ?? 0), 0);
