/**
 * One catalogue: the bundled term index plus the reader's own glossary, compiled with the same
 * compiler as the build (compileIndex, compileCards). It owns the id prefix of custom entries,
 * so a glossary id never clashes with a bundled one.
 */
import { compileCards, compileIndex } from './dataset/compile';
import type { Entity } from './dataset/schema';
import { CUSTOM_PREFIX, usableEntries } from './glossary-store';
import { Matcher } from './match/matcher';
import { mergeIndexes, unpackIndex, type PackedIndex } from './match/term-index';
import type { CardResponse } from './messages';
import type { Yielder } from './tasks/scheduler';

export type Catalogue = {
  matcher: Matcher;
  /** The reader's glossary card for a custom id, or undefined for bundled ids. */
  localCard(id: string): CardResponse | undefined;
  isCustom(id: string): boolean;
};

/**
 * Builds the page's matcher from the index the background sent (a JSON string of the packed
 * index) and the stored glossary. Each step yields to the page: parse and unpack are ~10 ms
 * each in a Firefox content script, and the automaton is built in slices.
 */
export async function loadCatalogue(indexJson: string, storedGlossary: unknown, yielder: Yielder): Promise<Catalogue> {
  const packed = JSON.parse(indexJson) as PackedIndex;
  await yielder();
  const base = unpackIndex(packed);
  await yielder();
  const own: Entity[] = usableEntries(storedGlossary).map((e) => ({ ...e, id: `${CUSTOM_PREFIX}${e.id}` }));
  const cards = compileCards(own);
  const custom = compileIndex(own);
  const matcher = await Matcher.create(custom.entities.length > 0 ? mergeIndexes(base, custom) : base);
  return {
    matcher,
    localCard: (id) => (Object.hasOwn(cards, id) ? { entity: cards[id], related: [] } : undefined),
    isCustom: (id) => id.startsWith(CUSTOM_PREFIX),
  };
}
