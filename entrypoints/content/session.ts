/**
 * One document's Backstory: settings → catalogue → scan → marks, kept current as the page and
 * the settings change, with a status it reports and pushes. Hover and card live in
 * CardController, input in hover-input.ts, keyboard and "explain" in navigation.ts.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isNewsArticle, publicationDate } from '../../utils/article';
import { loadCatalogue, type Catalogue } from '../../utils/catalogue';
import { findArticleScope, inScope, type ArticleScope } from '../../utils/dom/article-scope';
import { Highlighter } from '../../utils/dom/highlight';
import { MutationBatcher } from '../../utils/dom/mutation-batcher';
import { CUSTOM_PREFIX, glossaryItem } from '../../utils/glossary-store';
import { sendToBackground, type PageStatus } from '../../utils/messages';
import { foundEntities, markedMentions, statusReason, visibleMentions } from '../../utils/page/mention-view';
import { WorkTracker } from '../../utils/page/work-tracker';
import { recordTiming } from '../../utils/page/timings';
import { indexFromMessage, type CompiledIndex } from '../../utils/match/compiled';
import { PageScan, type MentionRecord } from '../../utils/scan/page-scan';
import { yieldToPage } from '../../utils/tasks/scheduler';
import { activeFor, resolveSettings, type Settings } from '../../utils/settings';
import { today } from '../../utils/text/dates';
import HIGHLIGHT_CSS from '../../public/highlights.css?raw';
import { CardController } from './card-controller';
import { styleShadowRoot } from './shadow-styler';

/** A page that keeps changing has its article found again at most this often. */
const SCOPE_RECHECK_MS = 1000;
/** Beyond this much text (about 60 long articles) the page is scanned whole, without looking for the article. */
const HUGE_PAGE_CHARS = 600_000;
const HUGE_PAGE_CHILDREN = 5_000;

export class PageSession {
  settings: Settings = resolveSettings({});
  catalogue: Catalogue | null = null;
  scan: PageScan | null = null;
  active = false;
  marked: MentionRecord[] = [];
  readonly shadowRoots: ShadowRoot[] = [];
  readonly highlighter = new Highlighter();
  readonly cards: CardController;
  readonly work = new WorkTracker(() => this.pushStatus());
  private catalogueLoad: Promise<Catalogue | null> | null = null;
  private readonly batcher: MutationBatcher;
  private scanned = false;
  /** Full scans started; a newer one, a teardown or retirement supersedes one still on its way. */
  private runs = 0;
  private articleDate: string | undefined;
  /** What the last full scan covered, and when it was found. */
  private scope: (ArticleScope & { setting: Settings['scope'] }) | null = null;
  private scopeFoundAt = 0;
  private lastPushed = '';

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
    /** When the content script started (performance.now()), for the start-up timing. */
    private readonly started = performance.now(),
  ) {
    this.cards = new CardController(doc, ctx, {
      catalogue: () => this.catalogue,
      settings: () => this.settings,
      articleDate: () => this.articleDate,
      focus: (range) => this.highlighter.focus(range),
    });
    const timers = { setTimeout: (fn: () => void, ms: number) => ctx.setTimeout(fn, ms), clearTimeout: (id: number) => clearTimeout(id) };
    this.batcher = new MutationBatcher(doc.body ?? doc.documentElement, (roots) => void this.work.track(() => this.rescanChanged(roots)), timers);
  }

  /** Re-evaluate everything that depends on settings; cheap when nothing changed. */
  async apply(): Promise<void> {
    if (this.ctx.isInvalid) return;
    this.cards.intent.setDelay(this.settings.hoverDelay);
    const hostname = this.doc.location?.hostname ?? '';
    if (!activeFor(this.settings, hostname, () => isNewsArticle(this.doc) || this.inArticleFrame())) {
      if (this.active) this.teardown();
      this.active = false;
      this.pushStatus();
      return;
    }
    this.active = true;
    if (!this.scanned || this.settings.scope !== this.scope?.setting) await this.rescanAll();
    else this.remark();
  }

  /** A same-origin frame (comments, an embedded story) inside a news article counts as part of it. */
  private inArticleFrame(): boolean {
    const win = this.doc.defaultView;
    if (!win || win.top === win) return false;
    try {
      return Boolean(win.top?.document && isNewsArticle(win.top.document));
    } catch {
      return false; // cross-origin parent: only the frame's own page counts
    }
  }

  teardown(): void {
    this.runs++; // a full scan still on its way must not mark the page after this
    this.batcher.disconnect();
    this.highlighter.clear();
    this.cards.intent.close();
    this.scan?.reset();
    this.scanned = false;
  }

  async rescanAll(): Promise<void> {
    if (!this.active) return;
    const run = ++this.runs;
    const current = () => this.active && run === this.runs;
    await this.ensureCatalogue();
    const body = this.doc.body;
    if (!this.catalogue || !current() || !body) return;
    const scan = (this.scan ??= new PageScan(this.catalogue.matcher));
    scan.reset();
    this.articleDate = publicationDate(this.doc);
    // Names are read at the article's date ("Khamenei" in 2025 is Ali, in 2026 Mojtaba); an undated page is read as of today.
    const date = this.articleDate ?? today();
    const found: ShadowRoot[] = [];
    const scanStart = performance.now();
    // Only the article (its body, headline and standfirst), unless the reader chose the whole page.
    const scope = (this.scope = this.findScope());
    this.scopeFoundAt = performance.now();
    const onShadowRoot = (r: ShadowRoot) => found.push(r);
    let done = true;
    for (const root of scope.roots) if (done && current()) done = await scan.scan(root, { date, onShadowRoot, exclude: scope.excluded });
    // Open shadow roots (comment widgets, embeds) are walked after the main text, each once.
    for (let i = 0; done && current() && i < found.length; i++) {
      this.adoptShadowRoot(found[i]);
      done = await scan.scan(found[i], { date, onShadowRoot: (r) => found.push(r) });
    }
    if (!done || !current()) return;
    recordTiming('scan', scanStart);
    this.scanned = true;
    // Marking, and asking for the cards, are tasks of their own after the scan's last slice.
    await yieldToPage();
    if (!current()) return;
    const markStart = performance.now();
    this.remark();
    recordTiming('mark', markStart);
    if (!this.batcher.observing) for (const root of [body, ...this.shadowRoots]) this.batcher.observe(root);
    await yieldToPage();
    if (current()) void this.cards.cache.prefetch(this.found().map((f) => f.id));
  }

  async ensureCatalogue(): Promise<Catalogue | null> {
    return (this.catalogue ??= await (this.catalogueLoad ??= this.loadCatalogue()));
  }

  /** The index comes from the background once per page; the reader's glossary joins it (ADR 0001). */
  private async loadCatalogue(): Promise<Catalogue | null> {
    try {
      const asked = performance.now();
      const [index, stored] = await Promise.all([receiveIndex(), glossaryItem.getValue()]);
      const arrived = performance.now();
      recordTiming('transfer', asked, arrived);
      const catalogue = index ? await loadCatalogue(index, stored) : null;
      recordTiming('matcher', arrived);
      recordTiming('ready', this.started);
      return catalogue;
    } catch {
      return null; // extension reloaded or updated under us: this content script is retired
    }
  }

  /** The glossary changed: rebuild the matcher and mark the page again, live. */
  async reloadCatalogue(): Promise<void> {
    this.scan?.reset(); // cancels a scan in flight with the old matcher
    this.catalogue = null;
    this.catalogueLoad = null;
    this.scan = null;
    this.scanned = false;
    this.cards.cache.forget(CUSTOM_PREFIX);
    if (this.active) await this.rescanAll();
  }

  /** Remember an open shadow root: hit testing needs it, marks inside need our styles, changes in it are watched. */
  private adoptShadowRoot(root: ShadowRoot): void {
    if (this.shadowRoots.includes(root)) return;
    this.shadowRoots.push(root);
    if (this.batcher.observing) this.batcher.observe(root);
    styleShadowRoot(root, this.doc.defaultView!, HIGHLIGHT_CSS);
  }

  /** What to scan: the article as findArticleScope sees it, or the whole body. */
  private findScope(): ArticleScope & { setting: Settings['scope'] } {
    const body = this.doc.body!;
    if (this.settings.scope === 'page') return { roots: [body], method: 'whole page (setting)', excluded: () => false, setting: 'page' };
    // Finding the article is one pass over every element; on a page far longer than any article (an archive, a
    // 2 MB log) that pass alone would be a long task, and such a page has no single article to find.
    if (body.childElementCount > HUGE_PAGE_CHILDREN || (body.textContent?.length ?? 0) > HUGE_PAGE_CHARS) {
      return { roots: [body], method: 'whole page (too long to look for an article)', excluded: () => false, setting: 'article' };
    }
    return { ...findArticleScope(this.doc), setting: 'article' };
  }

  private async rescanChanged(roots: Node[]): Promise<void> {
    const scan = this.scan;
    if (!scan || !this.active || !this.scope) return;
    // Live blogs, feeds and apps change what the article is: look again (at most once a second on a busy page).
    if (this.scope.setting === 'article' && performance.now() - this.scopeFoundAt > SCOPE_RECHECK_MS) {
      const next = this.findScope();
      this.scopeFoundAt = performance.now();
      const same = next.method === this.scope.method && next.roots.length === this.scope.roots.length && next.roots.every((r, i) => r === this.scope!.roots[i]);
      if (!same) return this.rescanAll();
      this.scope = next;
    }
    const scope = this.scope;
    // A change inside the article rescans its block; a change around it (a parent replaced) rescans the article's roots.
    roots = [...new Set(roots.flatMap((r) => (inScope(scope, r) ? [r] : scope.roots.filter((s) => r.contains(s)))))];
    if (roots.length === 0) return;
    const fresh: ShadowRoot[] = [];
    const done = await scan.rescan(roots, { exclude: scope.excluded, onShadowRoot: (r) => void (!this.shadowRoots.includes(r) && fresh.push(r)) });
    for (const r of fresh) {
      this.adoptShadowRoot(r);
      await scan.rescan([r]);
    }
    if (done && this.active && this.scan === scan) this.remark();
  }

  /** Mentions that count under the current category filter, in reading order. */
  visibleRecords(): MentionRecord[] {
    if (!this.scan || !this.catalogue) return [];
    return visibleMentions(this.scan.ordered(), this.catalogue.matcher.index.entities, this.settings.categories);
  }

  remark(): void {
    this.marked = markedMentions(this.visibleRecords(), this.settings.mark);
    this.highlighter.mark(
      this.marked.map((r) => r.range),
      this.settings.style,
    );
    this.pushStatus();
  }

  found() {
    return this.active && this.catalogue ? foundEntities(this.visibleRecords(), this.catalogue.matcher.index.entities) : [];
  }

  status(): PageStatus {
    const hostname = this.doc.location?.hostname ?? '';
    const found = this.found();
    const phase = this.work.phase(this.batcher.waiting || this.highlighter.settling);
    const reason = statusReason(this.settings, hostname, this.active, found.length);
    return { hostname, url: this.doc.location?.href ?? '', active: this.active, phase, settled: this.work.settled, reason, found };
  }

  /** Tell the background (the badge) and an open popup what this page reports, when it changed. */
  pushStatus(): void {
    if (this.doc.defaultView?.top !== this.doc.defaultView) return; // only the top frame speaks for the tab
    const status = this.status();
    const signature = JSON.stringify([status.active, status.phase, status.reason, status.found.map((f) => [f.id, f.count])]);
    if (signature === this.lastPushed) return;
    this.lastPushed = signature;
    try {
      sendToBackground('statusChanged', { status }).catch(() => {});
    } catch {
      // Extension reloaded: nobody to tell.
    }
  }
}

/** The compiled index from the background, decoded: one message (ADR 0002). */
async function receiveIndex(): Promise<CompiledIndex | undefined> {
  const start = performance.now();
  const message = await sendToBackground('index', {});
  recordTiming('index-message', start);
  return message ? indexFromMessage(message) : undefined;
}
