/**
 * The page's mentions: walk blocks, match, apply alias rules, keep one record
 * per mention with its live Range. Handles rescans of changed subtrees.
 * No UI and no browser APIs beyond the DOM, so it is unit-tested in happy-dom.
 */
import { walkBlocks, type Block } from '../dom/walk';
import type { Matcher, Candidate } from '../match/matcher';
import { hasContextCandidates, newRuleState, selectMentions, type RuleState } from '../match/select';
import { runChunked, type Yielder } from '../tasks/scheduler';
import { nodesOf, Record, type MentionRecord } from './mention-record';
import { OVERLAP, SEPARATOR, units, type BlockWindow, type Unit } from './units';

export type { MentionRecord } from './mention-record';

type DeferredBlock = {
  block: Block;
  order: number;
  candidates: Candidate[];
  records: MentionRecord[];
  /** Mentions this window may keep under the per-block cap. */
  limit: number;
  /** Its text was rescanned or removed: the candidates' offsets no longer hold. */
  dropped?: boolean;
};

/**
 * At most this many mentions are kept per block. A single text node of megabytes can
 * hold tens of thousands of names; each kept mention is a live Range the browser must
 * update, and past a few hundred marks in one paragraph they help no reader.
 */
export const MAX_MENTIONS_PER_BLOCK = 1000;

export class PageScan {
  readonly records = new Set<MentionRecord>();
  private readonly byNode = new Map<Text, MentionRecord[]>();
  private state: RuleState = newRuleState();
  private deferred: DeferredBlock[] = [];
  private seq = 0;
  private blocks = 0;
  /** Order of the block being scanned, and where its last mention ended (windows of one block). */
  private blockOrder = 0;
  private windowEnd = 0;
  private blockMentions = 0;
  private generation = 0;
  /** The date names are read at (alias validity periods), kept across resets; undefined: today. */
  private date: string | undefined;

  constructor(private current: Matcher | null) {}

  /**
   * The matcher the next scans use: the same index read again after the page let it go (its entity and alias
   * numbers are the same), or null to hold none while the page is quiet (a scan then throws).
   */
  use(matcher: Matcher | null): void {
    this.current = matcher;
  }

  private get matcher(): Matcher {
    if (!this.current) throw new Error('PageScan has no matcher: the index was released and not read again');
    return this.current;
  }

  /** Every entity number the page's mentions hold: what must be kept when the index is let go. */
  entities(): Set<number> {
    const out = new Set<number>();
    for (const r of this.records.values()) out.add(r.entity);
    return out;
  }

  reset(): void {
    this.records.clear();
    this.byNode.clear();
    this.state = newRuleState(this.date);
    this.deferred = [];
    this.generation++;
  }

  /**
   * Scan a subtree in slices. Resolves false when a newer reset or scan cancelled it.
   * `date` (YYYY-MM-DD): the article's date, for aliases valid only in a period; it holds for later rescans too.
   */
  async scan(
    root: Node,
    opts: { yielder?: Yielder; sliceMs?: number; onShadowRoot?: (r: ShadowRoot) => void; exclude?: (el: Element) => boolean; date?: string } = {},
  ): Promise<boolean> {
    if (opts.date) this.date = this.state.date = opts.date;
    const gen = this.generation;
    const ok = await runChunked(units(walkBlocks(root, { onShadowRoot: opts.onShadowRoot, exclude: opts.exclude })), (u) => this.scanUnit(u), {
      isCancelled: () => gen !== this.generation,
      yielder: opts.yielder,
      sliceMs: opts.sliceMs,
    });
    return ok && this.resolveContext(gen, opts);
  }

  /** Drop the records of removed or changed text under `roots`, then scan them again. */
  async rescan(roots: Node[], opts: { yielder?: Yielder; onShadowRoot?: (r: ShadowRoot) => void; exclude?: (el: Element) => boolean } = {}): Promise<boolean> {
    this.dropDisconnected();
    for (const root of roots) this.dropUnder(root);
    const gen = this.generation;
    for (const root of roots) {
      if (!root.isConnected) continue;
      const ok = await runChunked(units(walkBlocks(root, { onShadowRoot: opts.onShadowRoot, exclude: opts.exclude })), (u) => this.scanUnit(u), {
        isCancelled: () => gen !== this.generation,
        yielder: opts.yielder,
      });
      if (!ok) return false;
    }
    return this.resolveContext(gen, opts);
  }

  /** Mentions in a text node, for hit testing. */
  recordsAt(node: Text): readonly MentionRecord[] {
    return this.byNode.get(node) ?? [];
  }

  /**
   * All records in reading order: the order blocks were walked, then offsets.
   * The first scan walks in document order; text added later (infinite scroll,
   * rescans) comes after it. Numeric keys only: comparing DOM positions of
   * thousands of ranges took hundreds of milliseconds on long pages.
   */
  ordered(): MentionRecord[] {
    return [...this.records].sort((a, b) => a.block - b.block || a.start - b.start);
  }

  private scanUnit(u: Unit): void {
    if (u.window) return this.scanWindow(u.window);
    const { blocks } = u;
    if (blocks.length === 1) return this.scanWindow({ block: blocks[0], from: 0, to: blocks[0].text.length });
    let text = blocks[0].text;
    for (let b = 1; b < blocks.length; b++) text += SEPARATOR + blocks[b].text;
    const all = this.matcher.find(text);
    // Hand each block its candidates (sorted by start), at its own offsets.
    let k = 0;
    let offset = 0;
    for (const block of blocks) {
      const end = offset + block.text.length;
      const mine: Candidate[] = [];
      for (; k < all.length && all[k].start < end; k++) {
        const c = all[k];
        mine.push(offset === 0 ? c : { start: c.start - offset, end: c.end - offset, aliases: c.aliases });
      }
      this.scanBlock(block, mine);
      offset = end + 1;
    }
  }

  /** A whole block with its candidates. */
  private scanBlock(block: Block, candidates: Candidate[]): void {
    this.blockOrder = this.blocks++;
    this.windowEnd = 0;
    this.blockMentions = 0;
    if (candidates.length > 0) this.keep(block, this.blockOrder, candidates);
  }

  /**
   * One window of an enormous block (or a whole block), so a single giant text node is
   * spread over many slices too. Windows overlap by the longest alias; a match belongs
   * to the window it starts in.
   */
  private scanWindow(w: BlockWindow): void {
    if (w.from === 0) {
      this.blockOrder = this.blocks++;
      this.windowEnd = 0;
      this.blockMentions = 0;
    }
    if (this.blockMentions >= MAX_MENTIONS_PER_BLOCK) return;
    const order = this.blockOrder;
    const { block, from, to } = w;
    const whole = from === 0 && to === block.text.length;
    const text = whole ? block.text : block.text.slice(from, to);
    let candidates = this.matcher.find(text);
    if (!whole) {
      const own = to < block.text.length ? to - from - OVERLAP : Infinity;
      candidates = candidates
        .filter((c) => c.start < own)
        // At a cut edge the word-boundary check saw no neighbour: redo it against the full text.
        .filter((c) => !(from > 0 && c.start === 0 && /[\p{L}\p{N}]/u.test(block.text[from - 1])))
        .filter((c) => !(to < block.text.length && c.end === to - from && /[\p{L}\p{N}]/u.test(block.text[to] ?? '')))
        .map((c) => ({ ...c, start: c.start + from, end: c.end + from }))
        // No overlap with what the previous window of this block already marked.
        .filter((c) => c.start >= this.windowEnd);
    }
    if (candidates.length === 0) return;
    this.keep(block, order, candidates);
  }

  /** Apply the rules to a block's candidates and keep its mentions (up to the block's cap). */
  private keep(block: Block, order: number, candidates: Candidate[]): void {
    const limit = MAX_MENTIONS_PER_BLOCK - this.blockMentions;
    const mentions = selectMentions(this.matcher.rules, candidates, this.state, block.text).slice(0, limit);
    this.blockMentions += mentions.length;
    const records = mentions.map((m) => this.add(block, order, m));
    if (records.length > 0) this.windowEnd = Math.max(this.windowEnd, ...mentions.map((m) => m.end));
    if (hasContextCandidates(this.matcher.rules, candidates, block.text)) this.deferred.push({ block, order, candidates, records, limit });
  }

  /**
   * Context rules need the whole page: give blocks with such candidates a second look with the
   * final state, in slices (a long page has hundreds). A block whose choice did not change keeps
   * its records and their ranges.
   */
  private resolveContext(gen: number, opts: { yielder?: Yielder; sliceMs?: number }): Promise<boolean> {
    const pending = this.deferred;
    this.deferred = [];
    return runChunked(
      pending[Symbol.iterator](),
      (d) => {
        if (d.dropped || d.records.some((r) => !this.records.has(r))) return; // block changed since
        const mentions = selectMentions(this.matcher.rules, d.candidates, this.state, d.block.text).slice(0, d.limit);
        const same =
          mentions.length === d.records.length &&
          mentions.every((m, i) => {
            const r = d.records[i];
            return r.start === m.start && r.entity === m.entity && r.alias === m.alias && r.text.length === m.end - m.start;
          });
        if (!same) {
          for (const r of d.records) this.remove(r);
          d.records = mentions.map((m) => this.add(d.block, d.order, m));
        }
        this.deferred.push(d);
      },
      { isCancelled: () => gen !== this.generation, yielder: opts.yielder, sliceMs: opts.sliceMs },
    );
  }

  private add(block: Block, order: number, m: { start: number; end: number; entity: number; alias: number }): MentionRecord {
    const { start, end, entity, alias } = m;
    const nodes = nodesOf(block, start, end);
    const record: MentionRecord = new Record(block, start, end, entity, alias, this.seq++, order, nodes);
    this.records.add(record);
    for (const node of nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(record);
      else this.byNode.set(node, [record]);
    }
    return record;
  }

  private remove(record: MentionRecord): void {
    this.records.delete(record);
    for (const node of record.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const i = list.indexOf(record);
      if (i === -1) continue;
      list.splice(i, 1);
      if (list.length === 0) this.byNode.delete(node);
    }
  }

  /** Forget blocks awaiting a context second look whose text matches `gone` (they are rescanned or removed). */
  private dropDeferred(gone: (node: Text) => boolean): void {
    this.deferred = this.deferred.filter((d) => {
      if (!d.block.nodes.some(gone)) return true;
      d.dropped = true; // a resolve pass already holding it skips it too
      return false;
    });
  }

  private dropDisconnected(): void {
    this.dropDeferred((n) => !n.isConnected);
    for (const [node, list] of this.byNode) {
      if (node.isConnected) continue;
      for (const r of list) this.records.delete(r);
      this.byNode.delete(node);
    }
    // Records whose other nodes survived still point at detached text: drop them everywhere.
    for (const [node, list] of this.byNode) {
      const kept = list.filter((r) => this.records.has(r));
      if (kept.length === 0) this.byNode.delete(node);
      else this.byNode.set(node, kept);
    }
  }

  private dropUnder(root: Node): void {
    this.dropDeferred((n) => root === n || root.contains(n));
    const doomed = new Set<MentionRecord>();
    for (const [node, list] of this.byNode) {
      if (root === node || root.contains(node)) for (const r of list) doomed.add(r);
    }
    for (const r of doomed) this.records.delete(r);
    for (const [node, list] of this.byNode) {
      const kept = list.filter((r) => !doomed.has(r));
      if (kept.length === 0) this.byNode.delete(node);
      else this.byNode.set(node, kept);
    }
  }
}
