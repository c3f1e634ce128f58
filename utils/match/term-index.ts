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
export type IndexAlias = { text: string; entity: number; flags: number; context?: number[] };
export type TermIndex = { entities: IndexEntity[]; aliases: IndexAlias[] };

/** JSON form: arrays instead of objects, to keep the bundle small. */
export type PackedIndex = {
  v: 1;
  types: EntityType[];
  /** [id, typeIndex, name] */
  e: Array<[string, number, string]>;
  /** [text, entity, flags] or [text, entity, flags, context entity indices]; text "" means the entity's name. */
  a: Array<[string, number, number] | [string, number, number, number[]]>;
};

export function packIndex(index: TermIndex): PackedIndex {
  const types = [...new Set(index.entities.map((e) => e.type))];
  return {
    v: 1,
    types,
    e: index.entities.map((e) => [e.id, types.indexOf(e.type), e.name]),
    a: index.aliases.map((a) => {
      const text = a.text === index.entities[a.entity].name ? '' : a.text;
      return a.context ? [text, a.entity, a.flags, a.context] : [text, a.entity, a.flags];
    }),
  };
}

export function unpackIndex(packed: PackedIndex): TermIndex {
  const entities = packed.e.map(([id, t, name]) => ({ id, type: packed.types[t], name }));
  const aliases = packed.a.map(([text, entity, flags, context]) => ({
    text: text === '' ? entities[entity].name : text,
    entity,
    flags,
    ...(context ? { context } : {}),
  }));
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
