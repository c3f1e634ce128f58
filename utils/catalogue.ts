/**
 * One catalogue: the bundled term index plus the reader's own glossary, compiled with the same
 * compiler as the build (compileIndex, compileCards). It owns the id prefix of custom entries,
 * so a glossary id never clashes with a bundled one.
 */
import { compileCards, compileIndex } from './dataset/compile';
import type { Entity } from './dataset/validate';
import { CUSTOM_PREFIX, readGlossary } from './glossary';
import type { CompiledIndex } from './match/compiled';
import { Matcher } from './match/matcher';
import type { CardResponse } from './messages';
import type { IndexEntity } from './match/term-index';
import type { EntityType } from './dataset/types';

/**
 * What marks, hover, cards and the status read of a catalogue once a page is scanned: an entity by its
 * number, its type, the reader's glossary cards. No matcher: it outlives the index (see `restingView`).
 */
export type CatalogueView = {
  entity: (i: number) => IndexEntity;
  entityType: (i: number) => EntityType;
  /** The reader's glossary card for a custom id, or undefined for bundled ids. */
  localCard: (id: string) => CardResponse | undefined;
  isCustom: (id: string) => boolean;
};

export type Catalogue = {
  matcher: Matcher;
  /** The reader's glossary card for a custom id, or undefined for bundled ids. */
  localCard: (id: string) => CardResponse | undefined;
  isCustom: (id: string) => boolean;
};

/**
 * Builds the page's matcher from the compiled index the background sent and the stored glossary.
 * The bundled index is decoded in place (its trie was built at build time); only the glossary, a
 * few entries, is compiled here, into a second trie the matcher walks beside the first.
 */
export async function loadCatalogue(index: CompiledIndex, storedGlossary: unknown): Promise<Catalogue> {
  const own: Entity[] = readGlossary(storedGlossary).map((e) => ({ ...e, id: `${CUSTOM_PREFIX}${e.id}` }));
  const cards = compileCards(own);
  const matcher = await Matcher.create(index, own.length > 0 ? compileIndex(own) : null);
  return {
    matcher,
    localCard: (id) => (Object.hasOwn(cards, id) ? { entity: cards[id], related: [] } : undefined),
    isCustom: (id) => id.startsWith(CUSTOM_PREFIX),
  };
}

/** A loaded catalogue's view: its matcher answers. */
export function viewOf(c: Catalogue): CatalogueView {
  const { matcher, localCard, isCustom } = c;
  return { entity: (i) => matcher.entity(i), entityType: (i) => matcher.entityType(i), localCard, isCustom };
}

/**
 * The view of a catalogue whose index is let go (ADR 0002 decision 11): the entities `keep` names (every
 * mention a page holds), made now and kept, and the glossary's cards. Asking for any other entity is a bug
 * (a scan must read the index again first) and throws.
 */
export function restingView(view: CatalogueView, keep: Iterable<number>): CatalogueView {
  const kept = new Map<number, IndexEntity>();
  for (const i of keep) if (!kept.has(i)) kept.set(i, view.entity(i));
  const get = (i: number) => {
    const e = kept.get(i);
    if (!e) throw new RangeError(`entity ${i} was not kept when the index was released`);
    return e;
  };
  return { entity: get, entityType: (i) => get(i).type, localCard: view.localCard, isCustom: view.isCustom };
}
