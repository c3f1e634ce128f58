/**
 * Finds candidate alias occurrences in one block of text in a single pass:
 * from each place a name can start, walk the alias trie over case- and
 * accent-folded characters (folded on the fly, no copy of the text), and keep
 * the endings that sit on a word boundary and pass the case check.
 * Which candidates become mentions is decided by ./select.ts (alias rules, leftmost-longest).
 *
 * The trie comes compiled (./compiled.ts): a page receives the bundled dataset's tables ready to
 * use and only lays two small lookup tables over them; a reader's glossary is compiled at run time
 * into a second, small trie, walked beside the first.
 */
import type { EntityType } from '../dataset/schema';
import { compileTables, decodeTables, fromBase64, WIDE, type CompiledIndex, type CompiledTables } from './compiled';
import { FLAG_CASE_SENSITIVE, FLAG_NO_BOUNDARY, type IndexAlias, type IndexEntity, type TermIndex } from './term-index';
import { ASCII, ASCII_WORD, foldCode, foldPunctuation, IGNORABLE, isWordCode, isNoSpaceCode } from '../text/normalize';

/**
 * Every place where a walk may start, and more: an ASCII letter or digit that follows none, and
 * every other character except NUL, ASCII white space (no alias starts with them) and letters or
 * digits inside an ASCII word. No /u flag: one code unit per match, like the walk.
 */
const STARTS = /(?<![A-Za-z0-9])[A-Za-z0-9]|[^\0\t-\r A-Za-z0-9]/g;

/** ASCII code unit -> its folded unit, plus 0x10000 for a word character (letters and digits). */
const ASCII_CLASS = Int32Array.from(ASCII, (f, c) => f | (ASCII_WORD[c] ? 0x10000 : 0));
import type { AliasRules } from './select';

/** An alias's validity period ("Khamenei": Ali until 2026-02-28), either end open. */
type Period = { from?: string; to?: string };

export type Candidate = {
  start: number;
  end: number;
  /** Alias indices (into index.aliases) that may claim this span. */
  aliases: number[];
};

/** One trie and the page-side tables laid over it. */
type Trie = {
  t: CompiledTables;
  /** Depth-1 node by folded code unit, or -1 (every walk starts here). */
  root: Int32Array;
  /** Depth-2 node after two folded ASCII code units, (c1 << 7) | c2, or -1: the step nearly every walk takes. */
  root2: Int32Array;
  /** Added to the trie's alias numbers (the glossary's trie follows the dataset's). */
  aliasShift: number;
  /** Row in `dense` of each node with more than WIDE children, or -1: ASCII child by code unit. */
  wideRow: Int16Array;
  dense: Int32Array;
};


/** Where the strings of entities and aliases come from: the compiled payload, or a TermIndex. */
type Source = {
  entities: number;
  aliases: number;
  entity(i: number): IndexEntity;
  aliasText(a: number): string;
};

function layOver(t: CompiledTables, aliasShift: number): Trie {
  const { firstChild, edge, wide } = t;
  const root = new Int32Array(65536).fill(-1);
  for (let v = firstChild[0]; v < firstChild[1]; v++) root[edge[v]] = v;
  const wideRow = new Int16Array(firstChild.length - 1).fill(-1);
  const rows = Math.min(wide.length, 0x7fff);
  const dense = new Int32Array(rows << 7).fill(-1);
  for (let row = 0; row < rows; row++) {
    const v = wide[row];
    wideRow[v] = row;
    for (let w = firstChild[v]; w < firstChild[v + 1]; w++) if (edge[w] < 128) dense[(row << 7) | edge[w]] = w;
  }
  return { t, root, root2: t.root2, aliasShift, wideRow, dense };
}

export class Matcher {
  /**
   * The term index, its entities and aliases each built on first use from the compiled strings
   * (the matcher never needs them; a page needs the entities of what it found, rarely the aliases).
   */
  get index(): TermIndex {
    if (this.materialised) return this.materialised;
    let entities: IndexEntity[] | undefined;
    let aliases: IndexAlias[] | undefined;
    const self = this;
    return (this.materialised = {
      get entities() {
        return (entities ??= self.entityList());
      },
      get aliases() {
        return (aliases ??= self.aliasList());
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

  /** Number of entities, without building index.entities. */
  get entityCount(): number {
    return this.sources.reduce((n, s) => n + s.entities, 0);
  }

  /** Candidates in `text`, in order of start offset (then end). */
  find(text: string): Candidate[] {
    if (this.tries.length === 1) return this.findIn(this.tries[0], text);
    // Several tries (dataset + glossary): one span found by both is one candidate, dataset aliases first.
    const all = this.tries.flatMap((trie) => this.findIn(trie, text)).sort((a, b) => a.start - b.start || a.end - b.end);
    const out: Candidate[] = [];
    for (const c of all) {
      const last = out[out.length - 1];
      if (last && last.start === c.start && last.end === c.end) last.aliases = [...last.aliases, ...c.aliases].sort((x, y) => x - y);
      else out.push(c);
    }
    return out;
  }

  private findIn(trie: Trie, text: string): Candidate[] {
    // Everything the loop reads is a local: this runs cold on every page (interpreted or baseline
    // code at first), where each property load and call counts.
    const root = trie.root;
    const CLS = ASCII_CLASS;
    const out: Candidate[] = [];
    // The places a walk may start are found by a native regex (see STARTS), not by visiting every
    // character here: cold code pays per character, the regex does not. At each place the rules
    // below are the exact ones; they need whether the last non-ignorable character before it was
    // a word character, which follows from the previous place (everything between is plain ASCII).
    const starts = STARTS;
    starts.lastIndex = 0;
    let last = -1;
    /** Whether the last non-ignorable character up to and including `last` is a word character. */
    let wordAfterLast = false;
    while (starts.test(text)) {
      const at = starts.lastIndex - 1;
      const code = text.charCodeAt(at);
      const prevWord: boolean = at - 1 > last ? CLS[text.charCodeAt(at - 1)] > 0xffff : wordAfterLast;
      last = at;
      let f: number;
      let atStart = true;
      if (code < 128) {
        // ASCII: one table read gives the folded unit and whether it is a word character.
        const cls = CLS[code];
        wordAfterLast = cls > 0xffff;
        if (wordAfterLast && prevWord) continue; // inside a word
        f = cls & 0xffff;
      } else {
        f = foldCode(code);
        // Ignorable characters (invisible ones, combining marks) never change whether we are in a word.
        if (f === IGNORABLE) {
          wordAfterLast = prevWord;
          if (!(prevWord && isCombiningCode(code))) continue;
        }
        const word = isWordCode(code);
        if (f !== IGNORABLE) wordAfterLast = word;
        atStart = !prevWord || !word;
        // Mid-word, only aliases in scripts without spaces may start here.
        if (!atStart && (code < 0x0e00 || !isNoSpaceCode(code))) continue;
      }
      const v = root[f];
      if (v !== -1) this.walk(trie, text, at, f, v, atStart, out);
    }
    return out;
  }

  /** Follow the trie from `at` (node v, folded unit f), recording every pattern that ends on an acceptable boundary. */
  private walk(trie: Trie, text: string, at: number, f: number, first: number, atStart: boolean, out: Candidate[]): void {
    const { root2, wideRow, dense } = trie;
    const { firstChild, edge, rest, pool, terminal, noBoundary } = trie.t;
    const CLS = ASCII_CLASS;
    const n = text.length;
    let v = first;
    let i = at;
    for (;;) {
      const p = terminal[v];
      if (p !== -1) {
        const end = i + 1;
        let rightOk = true;
        if (end < n) {
          const c = text.charCodeAt(end);
          rightOk = c < 128 && c !== 0 ? CLS[c] <= 0xffff : !isWordCode(nextCode(text, end));
        }
        if ((atStart && rightOk) || noBoundary[p] === 1) this.emit(trie, text, at, end, p, atStart && rightOk, out);
      }
      // The next non-ignorable character: nearly always the next one, and ASCII.
      let j = i + 1;
      if (j >= n) break;
      let c = text.charCodeAt(j);
      let g = c < 128 ? CLS[c] & 0xffff : foldCode(c);
      while (g === IGNORABLE) {
        if (++j >= n) break;
        c = text.charCodeAt(j);
        g = c < 128 ? CLS[c] & 0xffff : foldCode(c);
      }
      if (j >= n) break;
      let w = -1;
      if (i === at && f < 128 && g < 128) w = root2[(f << 7) | g];
      else {
        // Children are sorted by their first code unit: a short scan, or a binary search for wide nodes.
        let lo = firstChild[v];
        let hi = firstChild[v + 1];
        const row = g < 128 ? wideRow[v] : -1;
        if (row !== -1) w = dense[(row << 7) | g];
        else if (hi - lo <= WIDE) {
          for (; lo < hi; lo++) {
            if (edge[lo] === g) {
              w = lo;
              break;
            }
          }
        } else {
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            const e = edge[mid];
            if (e === g) {
              w = mid;
              break;
            }
            if (e < g) lo = mid + 1;
            else hi = mid;
          }
        }
      }
      if (w === -1) break;
      i = j;
      // The rest of the edge: a run of characters the text must follow one by one.
      let k = rest[w];
      const kEnd = rest[w + 1];
      while (k < kEnd) {
        j = i + 1;
        if (j >= n) break;
        c = text.charCodeAt(j);
        g = c < 128 ? CLS[c] & 0xffff : foldCode(c);
        while (g === IGNORABLE) {
          if (++j >= n) break;
          c = text.charCodeAt(j);
          g = c < 128 ? CLS[c] & 0xffff : foldCode(c);
        }
        if (j >= n || g !== pool[k]) break;
        i = j;
        k++;
      }
      if (k < kEnd) break;
      v = w;
    }
  }

  private emit(trie: Trie, text: string, start: number, end: number, pattern: number, bounded: boolean, out: Candidate[]): void {
    const { patternStart, patternAliases } = trie.t;
    let aliases: number[] | null = null;
    for (let k = patternStart[pattern]; k < patternStart[pattern + 1]; k++) {
      const ai = patternAliases[k] + trie.aliasShift;
      const flags = this.aliasFlags[ai];
      if (!bounded && !(flags & FLAG_NO_BOUNDARY)) continue;
      if (flags & FLAG_CASE_SENSITIVE && !sameCase(text, start, end, this.exactText(ai))) continue;
      (aliases ??= []).push(ai);
    }
    if (aliases) out.push({ start, end, aliases });
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
      aliases.push({ text: this.aliasText(ai), entity: this.aliasEntity[ai], flags: this.aliasFlags[ai], ...(context ? { context } : {}), ...period, ...(hints ? { hints } : {}) });
    }
    return aliases;
  }
}

type Parts = {
  tries: Trie[];
  aliasEntity: Int32Array;
  aliasFlags: Uint8Array;
  context: Map<number, number[]>;
  period: Map<number, Period>;
  /** Surnames several people share: the related entities that tell them apart. */
  hints: Map<number, number[]>;
  sources: Source[];
};

/** A TermIndex compiled here; its alias and entity numbers shifted to follow `aliasShift` / `entityShift` others. */
function partsOf(index: TermIndex, aliasShift = 0, entityShift = 0): Parts {
  const t = compileTables(index);
  const context = new Map<number, number[]>();
  const period = new Map<number, Period>();
  const hints = new Map<number, number[]>();
  index.aliases.forEach((a, i) => {
    if (a.context) context.set(i + aliasShift, a.context.map((c) => c + entityShift));
    if (a.hints) hints.set(i + aliasShift, a.hints.map((c) => c + entityShift));
    if (a.from || a.to) period.set(i + aliasShift, { ...(a.from ? { from: a.from } : {}), ...(a.to ? { to: a.to } : {}) });
  });
  const aliasEntity = entityShift === 0 ? t.aliasEntity : t.aliasEntity.map((e) => e + entityShift);
  return {
    tries: [layOver(t, aliasShift)],
    aliasEntity,
    aliasFlags: t.aliasFlags,
    context,
    period,
    hints,
    sources: [{ entities: index.entities.length, aliases: index.aliases.length, entity: (i) => index.entities[i], aliasText: (a) => index.aliases[a].text }],
  };
}

/** The background's payload: views on its tables, and strings sliced on demand. */
function fromCompiled(c: CompiledIndex): Parts {
  const t = decodeTables(typeof c.bin === 'string' ? fromBase64(c.bin) : c.bin);
  const { stringStart, entityType } = t;
  const strings = c.strings;
  const str = (k: number) => strings.slice(stringStart[k], stringStart[k + 1]);
  const entities = entityType.length;
  const types: EntityType[] = c.types;
  return {
    tries: [layOver(t, 0)],
    aliasEntity: t.aliasEntity,
    aliasFlags: t.aliasFlags,
    context: new Map(c.context),
    period: new Map((c.period ?? []).map(([ai, from, to]) => [ai, { ...(from ? { from } : {}), ...(to ? { to } : {}) }])),
    hints: new Map(c.hints ?? []),
    sources: [
      {
        entities,
        aliases: t.aliasEntity.length,
        entity: (i) => ({ id: str(2 * i), type: types[entityType[i]], name: str(2 * i + 1) }),
        aliasText: (a) => str(2 * entities + a) || str(2 * t.aliasEntity[a] + 1),
      },
    ],
  };
}

/** The first character after `end` that is not ignorable (combining marks count: they belong to the word). */
function nextCode(text: string, end: number): number {
  let i = end;
  while (i < text.length - 1 && foldCode(text.charCodeAt(i)) === IGNORABLE && !isCombiningCode(text.charCodeAt(i))) i++;
  return text.charCodeAt(i);
}

/** Combining marks fold to IGNORABLE but still belong to the word before them. */
function isCombiningCode(code: number): boolean {
  return code >= 0x300 && code <= 0x36f ? true : code >= 0x300 && /\p{M}/u.test(String.fromCharCode(code));
}

/** Case-sensitive check: the page text, without ignorables and with punctuation folded, equals the alias. */
function sameCase(text: string, start: number, end: number, want: string): boolean {
  let j = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (foldCode(code) === IGNORABLE) continue;
    if (j >= want.length) return false;
    const w = want.charCodeAt(j);
    j++;
    if (code === w) continue;
    // Two different ASCII characters never pass (nearly every check: "is" against the acronym "IS"),
    // unless one is a backtick or a control space, which punctuation folding changes.
    if (code < 128 && w < 128 && code > 0x20 && w > 0x20 && code !== 0x60 && w !== 0x60) return false;
    const a = foldPunctuation(code);
    const b = foldPunctuation(w);
    // Diacritics may differ ("SAO" vs "SÃO"); letter case may not.
    if (a !== b && !sameLetterSameCase(a, b)) return false;
  }
  return j === want.length;
}

function sameLetterSameCase(a: number, b: number): boolean {
  const ca = String.fromCharCode(a);
  const cb = String.fromCharCode(b);
  const isUpper = (c: string) => c !== c.toLowerCase();
  return isUpper(ca) === isUpper(cb) && foldCode(a) === foldCode(b);
}
