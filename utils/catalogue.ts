/**
 * One catalogue: the bundled term index plus the reader's own glossary, compiled with the same
 * compiler as the build (compileIndex, compileCards). It owns the id prefix of custom entries,
 * so a glossary id never clashes with a bundled one.
 */
import { compileCards, compileIndex } from './dataset/compile';
import type { Entity } from './dataset/validate';
import { CUSTOM_PREFIX, readGlossary } from './glossary-store';
import type { CompiledIndex } from './match/compiled';
import { Matcher } from './match/matcher';
import type { CardResponse } from './messages';

export type Catalogue = {
  matcher: Matcher;
  /** The reader's glossary card for a custom id, or undefined for bundled ids. */
  localCard(id: string): CardResponse | undefined;
  isCustom(id: string): boolean;
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
