/**
 * The compact term index that ships in the content script: just enough to
 * find names and apply alias rules. Card text lives elsewhere (see ADR 0001).
 * Built by scripts/compile-dataset.ts at build time, and from the custom glossary at run time.
 */
import type { EntityType } from '../dataset/schema';

export const FLAG_CASE_SENSITIVE = 1;
export const FLAG_AFTER_FULL = 2;
export const FLAG_NO_BOUNDARY = 4;

export type IndexEntity = { id: string; type: EntityType; name: string };
/** `from`/`to`: the alias names this entity only in that period (ISO dates, either end open). */
export type IndexAlias = { text: string; entity: number; flags: number; context?: number[]; from?: string; to?: string };
export type TermIndex = { entities: IndexEntity[]; aliases: IndexAlias[] };

/** JSON form: arrays instead of objects, to keep the bundle small. */
export type PackedIndex = {
  v: 1;
  types: EntityType[];
  /** [id, typeIndex, name] */
  e: Array<[string, number, string]>;
  /** [text, entity, flags] or [text, entity, flags, context entity indices]; text "" means the entity's name. */
  a: Array<[string, number, number] | [string, number, number, number[]]>;
  /**
   * Optional, for the few aliases with a validity period: [alias index, from, to], "" for an open end.
   * An extra array rather than a wider `a` row, so an index without periods packs as before.
   */
  p?: Array<[number, string, string]>;
};

export function packIndex(index: TermIndex): PackedIndex {
  const types = [...new Set(index.entities.map((e) => e.type))];
  const packed: PackedIndex = {
    v: 1,
    types,
    e: index.entities.map((e) => [e.id, types.indexOf(e.type), e.name]),
    a: index.aliases.map((a) => {
      const text = a.text === index.entities[a.entity].name ? '' : a.text;
      return a.context ? [text, a.entity, a.flags, a.context] : [text, a.entity, a.flags];
    }),
  };
  const periods: Array<[number, string, string]> = [];
  index.aliases.forEach((a, i) => {
    if (a.from || a.to) periods.push([i, a.from ?? '', a.to ?? '']);
  });
  if (periods.length > 0) packed.p = periods;
  return packed;
}

export function unpackIndex(packed: PackedIndex): TermIndex {
  const entities = packed.e.map(([id, t, name]) => ({ id, type: packed.types[t], name }));
  const aliases = packed.a.map(([text, entity, flags, context]) => ({
    text: text === '' ? entities[entity].name : text,
    entity,
    flags,
    ...(context ? { context } : {}),
  }));
  for (const [i, from, to] of packed.p ?? []) {
    const alias: IndexAlias = aliases[i];
    if (from) alias.from = from;
    if (to) alias.to = to;
  }
  return { entities, aliases };
}

/** Merge a second index (the custom glossary) after the first; its entity numbers are shifted. */
export function mergeIndexes(base: TermIndex, extra: TermIndex): TermIndex {
  const shift = base.entities.length;
  return {
    entities: [...base.entities, ...extra.entities],
    aliases: [
      ...base.aliases,
      ...extra.aliases.map((a) => ({
        ...a,
        entity: a.entity + shift,
        ...(a.context ? { context: a.context.map((c) => c + shift) } : {}),
      })),
    ],
  };
}
