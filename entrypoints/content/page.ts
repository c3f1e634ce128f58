/**
 * Wiring for one document: settings → walk → match → highlight → observe → hover → card.
 * Logic lives in utils/ (tested there); this file connects it to the live page.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Matcher } from '../../utils/match/matcher';
import { mergeIndexes, unpackIndex, type PackedIndex } from '../../utils/match/term-index';
import { compileIndex } from '../../utils/dataset/compile';
import { CUSTOM_PREFIX, glossaryItem, usableEntries } from '../../utils/glossary-store';
import type { Entity } from '../../utils/dataset/schema';
import type { LocatorMap } from '../../utils/map/locator';
import { PageScan, type MentionRecord } from '../../utils/scan/page-scan';
import { yieldToPage } from '../../utils/scan/scheduler';
import { Highlighter } from '../../utils/dom/highlight';
import { hitTest, type Rect } from '../../utils/dom/hit-test';
import { HoverIntent } from '../../utils/hover-intent';
import { onSafePath } from '../../utils/safe-path';
import { activeFor, loadSettings, resolveSettings, settingsItem, siteRule, type Settings } from '../../utils/settings';
import { isNewsArticle, publicationDate } from '../../utils/article';
import { isInSkippedSubtree, nearestBlockElement } from '../../utils/dom/walk';
import { isToContent, type CardResponse, type FoundEntity, type PageStatus } from '../../utils/messages';
import { CardHost } from './card-host';
import HIGHLIGHT_CSS from '../../public/highlights.css?raw';

type Target = { record: MentionRecord; rect: Rect };

/** Mutations are gathered for this long before a rescan, so bursts cost one pass. */
const MUTATION_BATCH_MS = 120;
const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };

export class BackstoryPage {
  private settings: Settings = resolveSettings({});
  private matcher: Matcher | null = null;
  private matcherLoad: Promise<Matcher | null> | null = null;
  private glossary = new Map<string, Entity>();
  private readonly maps = new Map<string, LocatorMap | null>();
  private readonly mapLoads = new Map<string, Promise<LocatorMap | null>>();
  private scan: PageScan | null = null;
  private readonly highlighter = new Highlighter();
  private readonly host: CardHost;
  private readonly intent: HoverIntent<Target>;
  private readonly cards = new Map<string, Promise<CardResponse>>();
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private flushTimer: number | null = null;
  private active = false;
  private scanned = false;
  /** Full scans started; a newer one supersedes an older one still on its way. */
  private runs = 0;
  /** Work in progress (start-up, apply, scans, mutation flushes), for the status's phase. */
  private busy = 0;
  private started = false;
  private settled = 0;
  private articleDate: string | undefined;
  private lastMove = { x: 0, y: 0, t: 0 };
  private moveFrame = 0;
  private scrollFrame = 0;
  /** Where the pointer last was on a name: the apex of the safe path to the card. */
  private lastOnName: { x: number; y: number } | null = null;
  private history: string[] = [];
  private shown: { id: string; matched?: string; rect: Rect } | null = null;
  private readonly shadowRoots: ShadowRoot[] = [];
  /** Distinct entities marked, as of the last remark (for the badge). */
  private foundCount = 0;
  private marked: MentionRecord[] = [];
  /** Where keyboard navigation stands. */
  private cursor: MentionRecord | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document = document,
  ) {
    this.host = new CardHost(doc, { onEnter: () => this.intent.enterCard(), onLeave: () => this.intent.leaveCard() });
    this.intent = new HoverIntent<Target>(
      {
        onDwell: (t) => void this.prepareCard(t),
        onShow: (t, how) => void this.showFor(t, how.pinned),
        onHide: () => this.hideCard(),
      },
      { setTimeout: (fn, ms) => ctx.setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
      this.settings.hoverDelay,
      (a, b) => a.record === b.record,
    );
  }

  async start(): Promise<void> {
    // Registered before anything awaits: a script retired at any point (extension reloaded or updated,
    // or superseded by a newer copy injected into the same page) stops cleanly, and only once.
    const stops: Array<() => void> = [];
    this.ctx.onInvalidated(() => {
      this.active = false;
      this.runs++; // scans in flight stop at their next step
      // The page first: marks and card go even if the extension APIs below already throw.
      this.teardown();
      this.host.destroy();
      for (const stop of stops) {
        try {
          stop();
        } catch {
          // "Extension context invalidated": the listener died with the old extension anyway.
        }
      }
    });
    this.settings = await loadSettings();
    if (this.ctx.isInvalid) return;
    stops.push(
      settingsItem.watch((v) => {
        this.settings = resolveSettings(v);
        void this.track(() => this.apply());
      }),
      glossaryItem.watch(() => void this.track(() => this.reloadIndex())),
      () => browser.runtime.onMessage.removeListener(this.onMessage),
    );
    // WXT notices an extension reload or update only when the context is checked: check every second,
    // so a retired script removes its marks and stops listening promptly (and never throws
    // "Extension context invalidated" from a stale listener).
    this.ctx.setInterval(() => undefined, 1000);
    const win = this.doc.defaultView!;
    this.ctx.addEventListener(win, 'pointermove', (e) => this.onPointerMove(e as PointerEvent), { passive: true });
    this.ctx.addEventListener(win, 'pointerdown', (e) => this.onPointerDown(e as PointerEvent), { capture: true });
    this.ctx.addEventListener(win, 'keydown', (e) => this.onKey(e as KeyboardEvent), { capture: true });
    this.ctx.addEventListener(win, 'scroll', () => this.onScroll(), { passive: true, capture: true });
    this.ctx.addEventListener(win, 'resize', () => this.intent.close(), { passive: true });
    this.ctx.addEventListener(win, 'wxt:locationchange', () => void this.track(() => this.rescanAll()));
    browser.runtime.onMessage.addListener(this.onMessage);
    this.started = true;
    await this.track(() => this.apply());
  }

  /** Runs a piece of work and counts it, so the status can say when the script is idle. */
  private async track<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await work();
    } finally {
      if (--this.busy === 0) this.settled++;
    }
  }

  private phase(): PageStatus['phase'] {
    if (!this.started) return 'starting';
    return this.busy > 0 || this.flushTimer !== null || this.highlighter.settling ? 'working' : 'idle';
  }

  /** Re-evaluate everything that depends on settings; cheap when nothing changed. */
  async apply(): Promise<void> {
    if (this.ctx.isInvalid) return;
    this.intent.setDelay(this.settings.hoverDelay);
    const hostname = this.doc.location?.hostname ?? '';
    const shouldBeActive = activeFor(this.settings, hostname, () => isNewsArticle(this.doc) || this.inArticleFrame());
    if (!shouldBeActive) {
      if (this.active) this.teardown();
      this.active = false;
      this.sendBadge();
      return;
    }
    this.active = true;
    if (!this.scanned) await this.rescanAll();
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

  private teardown(): void {
    this.runs++; // a full scan still on its way must not mark the page after this
    this.observer?.disconnect();
    this.observer = null;
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.pending.clear();
    this.highlighter.clear();
    this.intent.close();
    this.scan?.reset();
    this.scanned = false;
  }

  private async rescanAll(): Promise<void> {
    if (!this.active) return;
    // A newer full scan, a teardown or retirement supersedes this one: checked after every await.
    const run = ++this.runs;
    const current = () => this.active && run === this.runs;
    this.matcher ??= await (this.matcherLoad ??= this.loadMatcher());
    if (!this.matcher || !current()) return;
    const scan = (this.scan ??= new PageScan(this.matcher));
    scan.reset();
    this.articleDate = publicationDate(this.doc);
    const body = this.doc.body;
    if (!body) return;
    const found: ShadowRoot[] = [];
    let done = await scan.scan(body, { onShadowRoot: (r) => found.push(r) });
    // Open shadow roots (comment widgets, embeds) are walked after the main text, each once.
    for (let i = 0; done && current() && i < found.length; i++) {
      this.adoptShadowRoot(found[i]);
      done = await scan.scan(found[i], { onShadowRoot: (r) => found.push(r) });
    }
    if (!done || !current()) return;
    this.scanned = true;
    // Marking, and asking for the cards, are tasks of their own after the scan's last slice.
    await yieldToPage();
    if (!current()) return;
    this.remark();
    this.observe();
    await yieldToPage();
    if (current()) void this.prefetchCards();
  }

  /**
   * The term index comes from the background once per page (ADR 0001): it keeps
   * the content script bundle small, and the automaton is built in slices.
   */
  private async loadMatcher(): Promise<Matcher | null> {
    try {
      const [json, stored] = await Promise.all([
        browser.runtime.sendMessage({ type: 'index' }) as Promise<string | undefined>,
        glossaryItem.getValue(),
      ]);
      if (!json) return null;
      // Each step is a task of its own (parse and unpack are ~10 ms in a Firefox content script).
      const packed = JSON.parse(json) as PackedIndex;
      await yieldToPage();
      const base = unpackIndex(packed);
      await yieldToPage();
      // The reader's glossary joins the same matcher, under prefixed ids so it never clashes with bundled ones.
      this.glossary = new Map(usableEntries(stored).map((e) => [`${CUSTOM_PREFIX}${e.id}`, e]));
      const custom = compileIndex([...this.glossary].map(([id, e]) => ({ ...e, id })));
      return await Matcher.create(custom.entities.length > 0 ? mergeIndexes(base, custom) : base);
    } catch {
      return null; // extension reloaded or updated under us: this content script is retired
    }
  }

  /** The glossary changed: rebuild the matcher and mark the page again, live. */
  private async reloadIndex(): Promise<void> {
    this.scan?.reset(); // cancels a scan in flight with the old matcher
    this.matcher = null;
    this.matcherLoad = null;
    this.scan = null;
    this.scanned = false;
    for (const id of this.cards.keys()) if (id.startsWith(CUSTOM_PREFIX)) this.cards.delete(id);
    if (this.active) await this.rescanAll();
  }

  private observe(): void {
    if (this.observer) return;
    const body = this.doc.body;
    this.observer = new MutationObserver((list) => {
      for (const m of list) this.pending.add(m.target);
      if (this.flushTimer === null) this.flushTimer = this.ctx.setTimeout(() => void this.track(() => this.flush()), MUTATION_BATCH_MS);
    });
    this.observer.observe(body, OBSERVE);
    for (const root of this.shadowRoots) this.observer.observe(root, OBSERVE);
  }

  /** Remember an open shadow root: hit testing needs it, and marks inside need our highlight styles there. */
  private adoptShadowRoot(root: ShadowRoot): void {
    if (this.shadowRoots.includes(root)) return;
    this.shadowRoots.push(root);
    this.observer?.observe(root, OBSERVE);
    // ::highlight() rules from the manifest stylesheet do not reach into shadow trees: the root adopts
    // a sheet of its own (no element is added to it).
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(HIGHLIGHT_CSS);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    } catch {
      // Firefox: a sheet built in the content script's compartment cannot be adopted by a page's root.
    }
    try {
      // Firefox: the sheet must belong to the page's compartment. The constructor is the native one read
      // through the Xray (a page that replaced window.CSSStyleSheet cannot run code here), waived only to
      // construct; the sheet is then filled and adopted through Xray views, never the page's own methods.
      type Waived<T> = T & { wrappedJSObject: T };
      const xray = (globalThis as unknown as { XPCNativeWrapper: <T>(o: T) => T }).XPCNativeWrapper;
      const NativeSheet = (this.doc.defaultView!.CSSStyleSheet as Waived<typeof CSSStyleSheet>).wrappedJSObject;
      const sheet = xray(new NativeSheet());
      sheet.replaceSync(HIGHLIGHT_CSS);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // Neither worked: marks in this root go unstyled; hover still works.
    }
  }

  private async flush(): Promise<void> {
    this.flushTimer = null;
    const targets = [...this.pending];
    this.pending.clear();
    const scan = this.scan;
    if (!scan || !this.active) return;
    const body = this.doc.body;
    const roots = new Set<Node>();
    for (const t of targets) {
      const top = t.getRootNode();
      if (!t.isConnected || isInSkippedSubtree(t, top)) continue;
      roots.add(nearestBlockElement(t) ?? (top instanceof ShadowRoot ? top : body));
    }
    // Keep outermost roots only: a rescan of a parent covers its children.
    const outer = [...roots].filter((r) => ![...roots].some((o) => o !== r && o.contains(r)));
    const done = await scan.rescan(outer, {
      onShadowRoot: (r) => {
        if (!this.shadowRoots.includes(r)) {
          this.adoptShadowRoot(r);
          void this.track(() => scan.rescan([r]).then((ok) => ok && this.active && this.scan === scan && this.remark()));
        }
      },
    });
    if (done && this.active && this.scan === scan) this.remark();
  }

  /** Records that count under the current category filter. */
  private visibleRecords(): MentionRecord[] {
    if (!this.scan || !this.matcher) return [];
    const entities = this.matcher.index.entities;
    return this.scan.ordered().filter((r) => this.settings.categories[entities[r.entity].type]);
  }

  private remark(): void {
    const records = this.visibleRecords();
    this.foundCount = new Set(records.map((r) => r.entity)).size;
    this.marked = this.selectMarked(records);
    this.highlighter.mark(
      this.marked.map((r) => r.range),
      this.settings.style,
    );
    this.sendBadge();
  }

  /** The records the reader sees marked under the current mode. */
  private selectMarked(records: MentionRecord[]): MentionRecord[] {
    if (this.settings.mark === 'every') return records;
    if (this.settings.mark === 'none') return [];
    const seen = new Set<number>();
    return records.filter((r) => !seen.has(r.entity) && Boolean(seen.add(r.entity)));
  }

  /** What keyboard navigation walks: the marks, or every mention when nothing is marked. */
  private markedRecords(): MentionRecord[] {
    return this.marked.length > 0 ? this.marked : this.visibleRecords();
  }

  found(): FoundEntity[] {
    if (!this.active || !this.matcher) return [];
    const counts = new Map<number, number>();
    for (const r of this.visibleRecords()) counts.set(r.entity, (counts.get(r.entity) ?? 0) + 1);
    return [...counts].map(([i, count]) => {
      const e = this.matcher!.index.entities[i];
      return { id: e.id, name: e.name, type: e.type, count };
    });
  }

  status(): PageStatus {
    const hostname = this.doc.location?.hostname ?? '';
    const found = this.found();
    let reason: PageStatus['reason'];
    if (!this.settings.enabled) reason = 'disabled';
    else if (siteRule(this.settings, hostname) === 'never') reason = 'muted';
    else if (!this.active) reason = 'not-article';
    else if (found.length === 0) reason = 'none-found';
    return { hostname, url: this.doc.location?.href ?? '', active: this.active, phase: this.phase(), settled: this.settled, reason, found };
  }

  private sendBadge(): void {
    // Only the top frame owns the tab's badge.
    if (window.top !== window) return;
    const count = this.active ? this.foundCount : 0;
    try {
      browser.runtime.sendMessage({ type: 'badge', count }).catch(() => {});
    } catch {
      // Extension reloaded: nobody to tell.
    }
  }

  private onMessage = (message: unknown): Promise<unknown> | undefined => {
    if (!isToContent(message)) return undefined;
    if (message.type === 'navigate') return Promise.resolve(this.navigate(message.step));
    const m = message as { type?: string; id?: string };
    if (m?.type === 'status') return Promise.resolve(this.status());
    if (m?.type === 'jump' && typeof m.id === 'string') return Promise.resolve(this.jumpTo(m.id));
    if (m?.type === 'explain' && typeof (m as { text?: unknown }).text === 'string') return this.explain((m as { text: string }).text);
    return undefined;
  };

  /**
   * Keyboard path: move to the next or previous marked name (the marks the reader
   * sees, in reading order), scroll it into view, draw the focus mark and open its
   * card with focus inside, so Tab reaches its links and Esc returns.
   */
  navigate(step: 1 | -1): boolean {
    const marked = this.markedRecords();
    if (marked.length === 0) return false;
    const at = this.cursor === null ? -1 : marked.indexOf(this.cursor);
    const next = at === -1 ? (step === 1 ? 0 : marked.length - 1) : (at + step + marked.length) % marked.length;
    this.cursor = marked[next];
    this.focusRecord(this.cursor);
    return true;
  }

  private focusRecord(record: MentionRecord): void {
    record.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.highlighter.focus(record.range);
    const rect = record.range.getClientRects()[0] ?? record.range.getBoundingClientRect();
    this.intent.pin({ record, rect });
  }

  /** Scroll to the first mention of an entity and open its card. */
  jumpTo(id: string): boolean {
    const record = this.visibleRecords().find((r) => this.entityId(r) === id);
    if (!record) return false;
    this.cursor = record;
    this.focusRecord(record);
    return true;
  }

  /**
   * "Explain with Backstory" on a selection: the card of the name it holds, beside
   * the selection, whatever the page's settings; or a card saying it is unknown.
   */
  async explain(text: string): Promise<boolean> {
    const sel = this.doc.getSelection();
    const range = sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
    const anchor = range?.getClientRects()[0] ?? range?.getBoundingClientRect() ?? { left: 20, top: 20, right: 20, bottom: 20, width: 0, height: 0 };
    this.matcher ??= await (this.matcherLoad ??= this.loadMatcher());
    const trimmed = text.trim();
    const hits = this.matcher?.find(trimmed) ?? [];
    // The longest name in the selection; alias rules are for running text, not for an explicit question.
    const best = hits.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
    this.intent.close();
    if (!best || !this.matcher) {
      await this.host.showUnknown({
        text: trimmed.slice(0, 80),
        anchor,
        theme: this.settings.theme,
        onAdd: () => {
          void browser.runtime.sendMessage({ type: 'openOptions', add: trimmed.slice(0, 100) });
          this.host.hide();
        },
        onClose: () => this.host.hide(),
      });
      return false;
    }
    const entity = this.matcher.index.aliases[best.aliases[0]].entity;
    const record = { entity, alias: best.aliases[0], range: range ?? this.doc.createRange(), text: trimmed.slice(best.start, best.end), seq: -1, block: -1, start: 0, nodes: [] };
    this.intent.pin({ record, rect: anchor });
    return true;
  }

  private entityId(r: MentionRecord): string {
    return this.matcher!.index.entities[r.entity].id;
  }

  /**
   * Fetch the cards of every entity on the page in one message, once the page is
   * marked, so a hover paints its card in the same frame the dwell ends.
   */
  private async prefetchCards(): Promise<void> {
    const ids = this.found()
      .map((f) => f.id)
      .filter((id) => !this.cards.has(id) && !id.startsWith(CUSTOM_PREFIX))
      .slice(0, 500);
    if (ids.length === 0) return;
    try {
      const got = (await browser.runtime.sendMessage({ type: 'cards', ids })) as Record<string, CardResponse> | undefined;
      for (const [id, card] of Object.entries(got ?? {})) if (!this.cards.has(id)) this.cards.set(id, Promise.resolve(card));
    } catch {
      // The extension was reloaded: cards will be fetched one by one if this script is still alive.
    }
  }

  private card(id: string): Promise<CardResponse> {
    let p = this.cards.get(id);
    const custom = this.glossary.get(id);
    if (!p && custom) {
      p = Promise.resolve({ entity: { ...custom, id, aliases: custom.aliases.map((a) => (typeof a === 'string' ? a : a.text)) }, related: [] });
      this.cards.set(id, p);
    }
    if (!p) {
      p = browser.runtime.sendMessage({ type: 'card', id }).then((r) => (r ?? null) as CardResponse, () => null);
      this.cards.set(id, p);
    }
    return p;
  }

  private async showFor(t: Target, pinned: boolean): Promise<void> {
    this.history = [];
    const id = this.entityId(t.record);
    await this.render(id, t.record.text, t.rect, pinned);
  }

  /**
   * The pointer has come to rest on a name: fetch its card and lay it out, invisible, while the dwell
   * runs, so showing it is only placement (the first card's layout took ~15 ms of a 30 ms task in Firefox).
   */
  private async prepareCard(t: Target): Promise<void> {
    const id = this.entityId(t.record);
    const data = await this.card(id);
    if (!data || this.host.visible || this.intent.state !== 'dwelling') return;
    const country = data.entity.type === 'place' ? data.entity.country : undefined;
    if (country && !this.maps.has(country)) void this.fetchMap(country); // ready by the time the card shows
    this.host.prepare({ ...this.cardProps(id, data, t.record.text, country ? this.maps.get(country) : null), theme: this.settings.theme });
  }

  /** A place's locator map, drawn by the background on first request; one request per country. */
  private fetchMap(country: string): Promise<LocatorMap | null> {
    let p = this.mapLoads.get(country);
    if (!p) {
      p = (browser.runtime.sendMessage({ type: 'map', country }) as Promise<LocatorMap | null>)
        .catch(() => null)
        .then((m) => {
          this.maps.set(country, m ?? null);
          return m ?? null;
        });
      this.mapLoads.set(country, p);
    }
    return p;
  }

  private cardProps(id: string, data: NonNullable<CardResponse>, matched: string | undefined, map: LocatorMap | null | undefined) {
    return {
      map,
      entity: data.entity,
      related: data.related,
      matched,
      articleDate: this.articleDate,
      canGoBack: this.history.length > 0,
      onBack: () => {
        const prev = this.history.pop();
        if (prev && this.shown) void this.render(prev, undefined, this.shown.rect, false);
      },
      onRelated: (next: string) => {
        this.history.push(id);
        if (this.shown) void this.render(next, undefined, this.shown.rect, false);
      },
      onClose: () => this.intent.close(),
      custom: id.startsWith(CUSTOM_PREFIX),
    };
  }

  private async render(id: string, matched: string | undefined, rect: Rect, focus: boolean, map?: LocatorMap | null): Promise<void> {
    const data = await this.card(id);
    if (!data || this.intent.state === 'idle') return;
    this.shown = { id, matched, rect };
    const country = data.entity.type === 'place' ? data.entity.country : undefined;
    if (country && map === undefined) {
      const cached = this.maps.get(country);
      if (cached !== undefined) map = cached;
      else {
        // Draw the card now; add the map when the background has drawn it.
        void this.fetchMap(country).then((m) => {
          if (m && this.shown?.id === id && this.host.visible) void this.render(id, matched, rect, false, m);
        });
      }
    }
    await this.host.show({ ...this.cardProps(id, data, matched, map), anchor: rect, theme: this.settings.theme, focus });
  }

  private hideCard(): void {
    this.host.hide();
    this.highlighter.focus(null);
    this.shown = null;
  }

  private onPointerMove(e: PointerEvent): void {
    if (!this.active || !this.scan || this.ctx.isInvalid) return;
    const now = e.timeStamp;
    const dt = Math.max(1, now - this.lastMove.t);
    const speed = Math.hypot(e.clientX - this.lastMove.x, e.clientY - this.lastMove.y) / dt;
    this.lastMove = { x: e.clientX, y: e.clientY, t: now };
    if (this.host.contains(e.target)) return;
    if (this.moveFrame) return;
    // One hit test per frame at most, whatever the pointer's event rate.
    this.moveFrame = requestAnimationFrame(() => {
      this.moveFrame = 0;
      const hit = hitTest(this.doc, this.lastMove, (n) => this.hoverable(n), this.shadowRoots);
      if (hit) {
        this.intent.over(hit, speed);
        this.lastOnName = { x: this.lastMove.x, y: this.lastMove.y };
        return;
      }
      const card = this.host.rect();
      if (this.intent.state === 'grace' && card && this.lastOnName && onSafePath(this.lastMove, this.lastOnName, card)) {
        this.intent.keepGrace();
        return;
      }
      this.intent.out();
    });
  }

  private hoverable(node: Text): readonly MentionRecord[] {
    const entities = this.matcher!.index.entities;
    return this.scan!.recordsAt(node).filter((r) => this.settings.categories[entities[r.entity].type]);
  }

  private onPointerDown(e: PointerEvent): void {
    if (!this.active || !this.scan || this.ctx.isInvalid) return;
    if (this.host.contains(e.target)) return;
    const hit = hitTest(this.doc, { x: e.clientX, y: e.clientY }, (n) => this.hoverable(n), this.shadowRoots);
    if (hit) this.intent.pin(hit);
    else if (this.intent.state !== 'idle') this.intent.close();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.host.visible) {
      this.intent.close();
      e.stopPropagation();
    }
  }

  private onScroll(): void {
    if (!this.shown || !this.host.visible) return;
    // A hover card that no longer sits beside its name is worse than none; a pinned one follows its name.
    if (!this.intent.pinned) return this.intent.close();
    const record = this.intent.target?.record;
    if (!record || this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const rect = record.range.getClientRects()[0];
      if (rect) void this.host.reposition(rect);
    });
  }
}
