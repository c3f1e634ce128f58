/**
 * The compact term index that ships in the content script: just enough to
 * find names and apply alias rules. Card text lives elsewhere (see ADR 0001).
 * Built by scripts/compile-dataset.ts at build time, and from the custom glossary at run time.
 */
import type { EntityType } from '../dataset/validate';

export const FLAG_CASE_SENSITIVE = 1;
export const FLAG_AFTER_FULL = 2;
export const FLAG_NO_BOUNDARY = 4;
/** A person's surname ("Rutte", "von der Leyen", "Xi"): a title right before it ("Mr Rutte") names the person as the full name does. */
export const FLAG_SURNAME = 8;
/** A two-letter acronym that is also an English word ("US", "IS"): among words in capitals it needs more evidence (./caps.ts). */
export const FLAG_CAPS_WORD = 16;

export type IndexEntity = { id: string; type: EntityType; name: string };
/**
 * `from`/`to`: the alias names this entity only in that period (ISO dates, either end open).
 * `hints`: for a surname several people share, the entities related to this one: after a title, the
 * person whose related entities are on the page is the one meant ("Mr Gates" beside the Pentagon).
 */
export type IndexAlias = { text: string; entity: number; flags: number; context?: number[]; from?: string; to?: string; hints?: number[] };
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
  /** Optional: [alias index, hint entity indices] for surnames several people share. */
  h?: Array<[number, number[]]>;
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
  const hints: Array<[number, number[]]> = [];
  index.aliases.forEach((a, i) => {
    if (a.hints) hints.push([i, a.hints]);
  });
  if (hints.length > 0) packed.h = hints;
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
  for (const [i, hints] of packed.h ?? []) (aliases[i] as IndexAlias).hints = hints;
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
        ...(a.hints ? { hints: a.hints.map((c) => c + shift) } : {}),
      })),
    ],
  };
}
