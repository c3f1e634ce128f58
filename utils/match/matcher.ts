/**
 * Finds candidate alias occurrences in one block of text in a single pass (the walk: ./trie-walk.ts).
 * Which candidates become mentions is decided by ./select.ts (alias rules, leftmost-longest).
 *
 * The trie comes compiled (./compiled.ts): a page receives the bundled dataset's tables ready to
 * use and only lays two small lookup tables over them; a reader's glossary is compiled at run time
 * into a second, small trie, walked beside the first.
 */
import type { CompiledIndex } from './compiled';
import type { IndexAlias, IndexEntity, TermIndex } from './term-index';
import type { AliasRules } from './select';
import type { EntityType } from '../dataset/types';
import { fromCompiled, partsOf, type Parts, type Period, type Source } from './sources';
import { findIn, type AliasCheck, type Candidate, type Trie } from './trie-walk';

export type { Candidate } from './trie-walk';

export class Matcher {
  /**
   * The term index, its entities and aliases each built on first use from the compiled strings
   * (the matcher never needs them; a page needs the entities of what it found, rarely the aliases).
   */
  get index(): TermIndex {
    if (this.materialised) return this.materialised;
    let entities: IndexEntity[] | undefined;
    let aliases: IndexAlias[] | undefined;
    const entityList = () => this.entityList();
    const aliasList = () => this.aliasList();
    return (this.materialised = {
      get entities() {
        return (entities ??= entityList());
      },
      get aliases() {
        return (aliases ??= aliasList());
      },
    });
  }
  /** Alias rules as flat arrays, for selectMentions without building index.aliases. */
  readonly rules: AliasRules;
  private readonly tries: Trie[];
  private readonly aliasEntity: Int32Array;
  private readonly aliasFlags: Uint8Array;
  private readonly context: Map<number, number[]>;
  private readonly period: Map<number, Period>;
  private readonly hints: Map<number, number[]>;
  private readonly sources: Source[];
  /** Alias texts in NFC, for the case-sensitive comparison, made on first use. */
  private readonly exact: string[] = [];
  private materialised: TermIndex | undefined;
  private readonly entities = new Map<number, IndexEntity>();
  /** What the walk reads of the aliases. */
  private readonly check: AliasCheck;

  /** Compile `index` here and now (tests, the reader's glossary). */
  constructor(index: TermIndex);
  constructor(index: TermIndex | null, parts?: Parts);
  constructor(index: TermIndex | null, parts?: Parts) {
    const p = parts ?? partsOf(index!);
    this.tries = p.tries;
    this.aliasEntity = p.aliasEntity;
    this.aliasFlags = p.aliasFlags;
    this.context = p.context;
    this.period = p.period;
    this.hints = p.hints;
    this.sources = p.sources;
    if (index) this.materialised = index;
    this.check = { flags: this.aliasFlags, exactText: (ai) => this.exactText(ai) };
    const { aliasEntity, aliasFlags, context, period, hints } = this;
    this.rules = {
      entityOf: (ai) => aliasEntity[ai],
      flagsOf: (ai) => aliasFlags[ai],
      contextOf: (ai) => (context.size === 0 ? undefined : context.get(ai)),
      periodOf: (ai) => (period.size === 0 ? undefined : period.get(ai)),
      hasContext: context.size > 0 || hints.size > 0,
      hintsOf: (ai) => (hints.size === 0 ? undefined : hints.get(ai)),
    };
  }

  /**
   * The matcher for a page: the compiled dataset as the background sent it (decoded in place, nothing
   * rebuilt), plus the reader's glossary if any (compiled here; it is small). `index` may also be a
   * TermIndex, compiled here.
   */
  static async create(index: CompiledIndex | TermIndex, extra?: TermIndex | null): Promise<Matcher> {
    const base = 'bin' in index ? fromCompiled(index) : partsOf(index);
    if (!extra || extra.entities.length === 0) return new Matcher('bin' in index ? null : index, base);
    const more = partsOf(extra, base.aliasEntity.length, base.sources[0].entities);
    const aliasEntity = new Int32Array(base.aliasEntity.length + more.aliasEntity.length);
    aliasEntity.set(base.aliasEntity);
    aliasEntity.set(more.aliasEntity, base.aliasEntity.length);
    const aliasFlags = new Uint8Array(aliasEntity.length);
    aliasFlags.set(base.aliasFlags);
    aliasFlags.set(more.aliasFlags, base.aliasFlags.length);
    return new Matcher(null, {
      tries: [...base.tries, ...more.tries],
      aliasEntity,
      aliasFlags,
      context: new Map([...base.context, ...more.context]),
      period: new Map([...base.period, ...more.period]),
      hints: new Map([...base.hints, ...more.hints]),
      sources: [...base.sources, ...more.sources],
    });
  }

  /**
   * One entity, made on first use and kept: a page needs the few it found, and building all of
   * index.entities slices some 22,000 strings (about 8 ms and a megabyte on every page).
   */
  entity(i: number): IndexEntity {
    const e = this.entities.get(i);
    if (e) return e;
    const [s, k] = this.sourceOf(i);
    const made = s.entity(k);
    this.entities.set(i, made);
    return made;
  }

  /** An entity's type, without making the entity (the reader's categories filter every mention by it). */
  entityType(i: number): EntityType {
    const [s, k] = this.sourceOf(i);
    return s.type(k);
  }

  private sourceOf(i: number): [Source, number] {
    let k = i;
    for (const s of this.sources) {
      if (k < s.entities) return [s, k];
      k -= s.entities;
    }
    throw new RangeError(`no entity ${i}`);
  }

  /** Number of entities, without building index.entities. */
  get entityCount(): number {
    return this.sources.reduce((n, s) => n + s.entities, 0);
  }

  /** Candidates in `text`, in order of start offset (then end). */
  find(text: string): Candidate[] {
    if (this.tries.length === 1) return findIn(this.tries[0], this.check, text);
    // Several tries (dataset + glossary): one span found by both is one candidate, dataset aliases first.
    const all = this.tries.flatMap((trie) => findIn(trie, this.check, text)).sort((a, b) => a.start - b.start || a.end - b.end);
    const out: Candidate[] = [];
    for (const c of all) {
      const last = out[out.length - 1];
      if (last && last.start === c.start && last.end === c.end) last.aliases = [...last.aliases, ...c.aliases].sort((x, y) => x - y);
      else out.push(c);
    }
    return out;
  }

  private exactText(ai: number): string {
    return (this.exact[ai] ??= this.aliasText(ai).normalize('NFC'));
  }

  private aliasText(ai: number): string {
    let a = ai;
    for (const s of this.sources) {
      if (a < s.aliases) return s.aliasText(a);
      a -= s.aliases;
    }
    throw new RangeError(`no alias ${ai}`);
  }

  private entityList(): IndexEntity[] {
    const entities: IndexEntity[] = [];
    for (const s of this.sources) for (let i = 0; i < s.entities; i++) entities.push(s.entity(i));
    return entities;
  }

  private aliasList(): IndexAlias[] {
    const aliases: IndexAlias[] = [];
    for (let ai = 0; ai < this.aliasEntity.length; ai++) {
      const context = this.context.get(ai);
      const period = this.period.get(ai);
      const hints = this.hints.get(ai);
      aliases.push({
        text: this.aliasText(ai),
        entity: this.aliasEntity[ai],
        flags: this.aliasFlags[ai],
        ...(context ? { context } : {}),
        ...period,
        ...(hints ? { hints } : {}),
      });
    }
    return aliases;
  }
}
