/**
 * One document's Backstory: settings → catalogue → scan → marks, kept current as the page and the
 * settings change. The catalogue comes from CatalogueSource, the scope from utils/page/scope-plan,
 * the status goes out through StatusReporter; hover and card live in CardController.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { activeOnPage, publicationDate } from '../../utils/article';
import { MutationBatcher } from '../../utils/dom/mutation-batcher';
import { CUSTOM_PREFIX } from '../../utils/glossary';
import type { PageStatus } from '../../utils/messages';
import { rootsToRescan, ScopeTracker } from '../../utils/page/scope-plan';
import { recordTiming } from '../../utils/page/timings';
import { RELEASE_AFTER_MS, WorkTracker } from '../../utils/page/work-tracker';
import { PageScan } from '../../utils/scan/page-scan';
import { resolveSettings, type Settings } from '../../utils/settings';
import { whenIdle, yieldToPage } from '../../utils/tasks/scheduler';
import { today } from '../../utils/text/dates';
import HIGHLIGHT_CSS from '../../public/highlights.css?raw';
import { CardController } from './card-controller';
import { CatalogueSource } from './catalogue-source';
import { PageMarks } from './page-marks';
import { rescanScope, scanScope } from './scope-scan';
import { ShadowRoots } from './shadow-styler';
import { pageStatus, StatusReporter } from './status-reporter';

/** idle (inactive here) → loading (the catalogue) → scanning → marked; retired once the extension went away. */
export type SessionState = 'idle' | 'loading' | 'scanning' | 'marked' | 'retired';

export class PageSession {
  state: SessionState = 'idle';
  settings: Settings = resolveSettings({});
  scan: PageScan | null = null;
  active = false;
  /** Nodes the page added or changed while it is marked (the frame check listens). */
  onChanged: ((roots: Node[]) => void) | null = null;
  readonly shadows: ShadowRoots;
  readonly marks = new PageMarks({ scan: () => this.scan, catalogue: () => this.catalogues.view(), settings: () => this.settings });
  readonly cards: CardController;
  readonly work = new WorkTracker(() => {
    this.reporter.push();
    this.scheduleRelease();
  });
  readonly catalogues: CatalogueSource;
  private readonly reporter: StatusReporter;
  private readonly batcher: MutationBatcher;
  private scanned = false;
  /** Full scans started; a newer one, a teardown or retirement supersedes one still on its way. */
  private runs = 0;
  private warmed = false;
  private articleDate: string | undefined;
  /** What the last full scan covered. */
  private readonly scope: ScopeTracker;
  private releaseTimer: number | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
    started = performance.now(),
  ) {
    this.catalogues = new CatalogueSource(started);
    this.reporter = new StatusReporter(doc, () => this.status());
    this.scope = new ScopeTracker(doc);
    this.shadows = new ShadowRoots(doc.defaultView!, HIGHLIGHT_CSS, (r) => this.batcher.observing && this.batcher.observe(r));
    this.cards = new CardController(doc, ctx, {
      catalogue: () => this.catalogues.view(),
      settings: () => this.settings,
      articleDate: () => this.articleDate,
      focus: (range) => this.marks.highlighter.focus(range),
    });
    const timers = { setTimeout: (fn: () => void, ms: number) => ctx.setTimeout(fn, ms), clearTimeout: (id: number) => clearTimeout(id) };
    const onChange = (roots: Node[]) => {
      this.onChanged?.(roots);
      void this.work.track(() => this.rescanChanged(roots));
    };
    this.batcher = new MutationBatcher(doc.body ?? doc.documentElement, onChange, timers);
    ctx.addEventListener(doc, 'visibilitychange', () => this.visibilityChanged());
  }

  /** A tab opened or left in the background warms its card only once shown, before the reader is likely to hover. */
  private visibilityChanged(): void {
    if (this.doc.visibilityState === 'hidden' || this.warmed || !this.active || this.state !== 'marked') return;
    const run = this.runs;
    void this.prefetchAndWarm(
      this.marks.found().map((f) => f.id),
      () => this.active && run === this.runs,
    );
  }

  /** Re-evaluate everything that depends on settings; cheap when nothing changed. */
  async apply(): Promise<void> {
    if (this.ctx.isInvalid) return;
    this.cards.intent.setDelay(this.settings.hoverDelay);
    if (!activeOnPage(this.settings, this.doc)) {
      if (this.active) this.teardown();
      this.active = false;
      this.reporter.push();
      return;
    }
    this.active = true;
    if (!this.scanned || this.settings.scope !== this.scope.current?.setting) await this.rescanAll();
    else this.remark();
  }

  teardown(retire = false): void {
    this.state = retire ? 'retired' : 'idle';
    this.runs++; // a full scan still on its way must not mark the page after this
    this.batcher.disconnect();
    this.marks.clear();
    this.cards.intent.close();
    this.scan?.reset();
    this.scanned = false;
  }

  async rescanAll(): Promise<void> {
    if (!this.active) return;
    const run = ++this.runs;
    const current = () => this.active && run === this.runs;
    this.state = 'loading';
    const catalogue = await this.catalogues.ensure();
    const body = this.doc.body;
    if (!catalogue || !current() || !body) return;
    const scan = (this.scan ??= new PageScan(catalogue.matcher));
    scan.use(catalogue.matcher);
    scan.reset();
    this.state = 'scanning';
    this.articleDate = publicationDate(this.doc);
    // Names are read at the article's date ("Khamenei" in 2025 is Ali, in 2026 Mojtaba); an undated page is read as of today.
    const date = this.articleDate ?? today();
    const scanStart = performance.now();
    // Only the article (its body, headline and standfirst), unless the reader chose the whole page.
    const scope = this.scope.plan(this.settings.scope);
    recordTiming('scope', scanStart);
    if (!(await scanScope(scan, scope, date, this.shadows.hooks(current)))) return;
    recordTiming('scan', scanStart);
    this.scanned = true;
    // Marking, and asking for the cards, are tasks of their own after the scan's last slice.
    await yieldToPage();
    if (!current()) return;
    const markStart = performance.now();
    this.remark();
    this.state = 'marked';
    recordTiming('mark', markStart);
    if (!this.batcher.observing) for (const root of [body, ...this.shadows.list]) this.batcher.observe(root);
    await yieldToPage();
    if (current())
      void this.prefetchAndWarm(
        this.marks.found().map((f) => f.id),
        current,
      );
  }

  /** Fetch the page's cards, then (once per page, when it is idle) run the card's code off the page: a warm first hover. */
  private async prefetchAndWarm(ids: string[], current: () => boolean): Promise<void> {
    await this.cards.cache.prefetch(ids);
    if (this.warmed || ids.length === 0) return;
    await whenIdle();
    // A hidden tab warms nothing: it is warmed when shown (visibilityChanged).
    if (!current() || this.warmed || this.doc.visibilityState === 'hidden') return;
    this.warmed = true;
    await this.cards.warm(ids[0]);
  }

  /** The glossary changed: rebuild the matcher and mark the page again, live. */
  async reloadCatalogue(): Promise<void> {
    this.scan?.reset(); // cancels a scan in flight with the old matcher
    this.catalogues.forget();
    this.scan = null;
    this.scanned = false;
    this.cards.cache.forget(CUSTOM_PREFIX);
    if (this.active) await this.rescanAll();
  }

  private async rescanChanged(changed: Node[]): Promise<void> {
    const scan = this.scan;
    if (!scan || !this.active || !this.scope.current) return;
    if (!this.scope.stillHolds()) return this.rescanAll();
    const live = () => this.active && this.scan === scan;
    // A change outside the scope (an ad, a menu) leaves the index where it is, read or let go.
    if (rootsToRescan(this.scope.current, changed).length === 0) return;
    // The index may have been let go while the page was quiet.
    const catalogue = await this.catalogues.ensure();
    if (!catalogue || !live() || !this.scope.current) return;
    scan.use(catalogue.matcher);
    if (await rescanScope(scan, this.scope.current, changed, this.shadows.hooks(live))) this.remark();
  }

  /** (Re)start the quiet-page timer: each time the work settles, the index is let go RELEASE_AFTER_MS later. */
  private scheduleRelease(): void {
    if (this.releaseTimer !== undefined) clearTimeout(this.releaseTimer);
    this.releaseTimer = this.ctx.setTimeout(() => {
      this.releaseTimer = undefined;
      this.releaseIndex();
    }, RELEASE_AFTER_MS);
  }

  /**
   * Let the index go, keeping the entities of the page's mentions (marks, hover, cards and the popup need
   * nothing else). Only when nothing is running or waiting; otherwise the next settle tries again.
   */
  releaseIndex(): boolean {
    if (this.ctx.isInvalid) return false;
    if (this.work.phase(this.batcher.waiting || this.marks.highlighter.settling) !== 'idle') {
      if (!this.batcher.waiting) this.scheduleRelease(); // marks still going in per frame: no settle will follow
      return false;
    }
    const start = performance.now();
    const keep = this.scan?.entities() ?? new Set<number>();
    // A card "Explain" opened for a name that is not one of the page's mentions.
    const target = this.cards.intent.target?.record.entity;
    if (target !== undefined) keep.add(target);
    if (!this.catalogues.release(keep)) return false;
    this.scan?.use(null);
    recordTiming('release', start);
    return true;
  }

  remark(): void {
    this.marks.draw();
    this.reporter.push();
  }

  status(): PageStatus {
    const phase = this.work.phase(this.batcher.waiting || this.marks.highlighter.settling);
    const found = this.active ? this.marks.found() : [];
    return pageStatus(this.doc, { settings: this.settings, active: this.active, found, phase, settled: this.work.settled });
  }
}
