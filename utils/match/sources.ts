/**
 * What a matcher is made of: its tries and flat alias tables, and where the strings of entities and
 * aliases come from (the packaged compiled index, or a TermIndex compiled here).
 */
import type { EntityType } from '../dataset/validate';
import { compileTables, type CompiledIndex } from './compiled';
import { decodeTables, fromBase64 } from './index-file';
import { useCodeTables } from '../text/normalize';
import type { IndexEntity, TermIndex } from './term-index';
import { layOver, type Trie } from './trie-walk';

/** An alias's validity period ("Khamenei": Ali until 2026-02-28), either end open. */
export type Period = { from?: string; to?: string };

/** Where the strings of entities and aliases come from: the compiled payload, or a TermIndex. */
export type Source = {
  entities: number;
  aliases: number;
  entity(i: number): IndexEntity;
  /** An entity's type, without slicing its strings. */
  type(i: number): EntityType;
  aliasText(a: number): string;
};

export type Parts = {
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
export function partsOf(index: TermIndex, aliasShift = 0, entityShift = 0): Parts {
  const t = compileTables(index);
  const context = new Map<number, number[]>();
  const period = new Map<number, Period>();
  const hints = new Map<number, number[]>();
  index.aliases.forEach((a, i) => {
    if (a.context)
      context.set(
        i + aliasShift,
        a.context.map((c) => c + entityShift),
      );
    if (a.hints)
      hints.set(
        i + aliasShift,
        a.hints.map((c) => c + entityShift),
      );
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
    sources: [
      {
        entities: index.entities.length,
        aliases: index.aliases.length,
        entity: (i) => index.entities[i],
        type: (i) => index.entities[i].type,
        aliasText: (a) => index.aliases[a].text,
      },
    ],
  };
}

/** The packaged compiled index: views on its tables, and strings sliced on demand. */
export function fromCompiled(c: CompiledIndex): Parts {
  const t = decodeTables(typeof c.bin === 'string' ? fromBase64(c.bin) : c.bin);
  if (t.fold.length > 0) useCodeTables(t.fold, t.kind);
  const { stringStart, entityType } = t;
  const bytes = typeof c.strings === 'string' ? new TextEncoder().encode(c.strings) : c.strings;
  const utf8 = new TextDecoder();
  const str = (k: number) => utf8.decode(bytes.subarray(stringStart[k], stringStart[k + 1]));
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
        type: (i) => types[entityType[i]],
        aliasText: (a) => str(2 * entities + a) || str(2 * t.aliasEntity[a] + 1),
      },
    ],
  };
}
