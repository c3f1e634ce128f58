/**
 * News-article detection and publication date, read from the page's own
 * metadata: JSON-LD, Open Graph, <time>. Used for "news articles only" and for
 * showing the facts that held on the article's date.
 */
import { activeFor, type Settings } from './settings';

const ARTICLE_TYPES = new Set([
  'NewsArticle',
  'Article',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'BlogPosting',
  'Report',
]);
/** An <article> with at least this much text counts as one even without metadata. */
const MIN_ARTICLE_CHARS = 1200;

function jsonLdNodes(doc: Document): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      const graph = (v as Record<string, unknown>)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // Broken JSON-LD on a page is common and not our concern.
    }
  }
  return out;
}

function types(node: Record<string, unknown>): string[] {
  const t = node['@type'];
  const list: unknown[] = Array.isArray(t) ? t : t === undefined ? [] : [t];
  return list.filter((x): x is string => typeof x === 'string');
}

export function isNewsArticle(doc: Document): boolean {
  if (jsonLdNodes(doc).some((n) => types(n).some((t) => ARTICLE_TYPES.has(t)))) return true;
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content');
  if (og && og.trim().toLowerCase() === 'article') return true;
  return Array.from(doc.querySelectorAll('article')).some((a) => (a.textContent ?? '').trim().length >= MIN_ARTICLE_CHARS);
}

/** The article's publication date as YYYY-MM-DD, if the page states one. */
export function publicationDate(doc: Document): string | undefined {
  const candidates: Array<string | null | undefined> = [
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    ...jsonLdNodes(doc).map((n) => (typeof n.datePublished === 'string' ? n.datePublished : undefined)),
    doc.querySelector('meta[name="date"], meta[itemprop="datePublished"]')?.getAttribute('content'),
    doc.querySelector('article header time[datetime], article time[datetime], header time[datetime]')?.getAttribute('datetime'),
  ];
  for (const c of candidates) {
    const m = c?.trim().match(/^(\d{4})-(\d{2})-(\d{2})/);
    if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return undefined;
}

/** A same-origin frame (comments, an embedded story) inside a news article counts as part of it. */
export function inNewsArticleFrame(doc: Document): boolean {
  const win = doc.defaultView;
  if (!win || win.top === win) return false;
  try {
    return Boolean(win.top?.document && isNewsArticle(win.top.document));
  } catch {
    return false; // cross-origin parent: only the frame's own page counts
  }
}

/** Whether Backstory works on this document under these settings: site rules, then news articles (or frames in one). */
export function activeOnPage(settings: Settings, doc: Document): boolean {
  return activeFor(settings, doc.location?.hostname ?? '', () => isNewsArticle(doc) || inNewsArticleFrame(doc));
}
