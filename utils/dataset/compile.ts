/**
 * Compiles validated entities into the term index the content script matches
 * with, and the card store the background answers lookups from.
 * Pure and browser-safe: also used at run time for the custom glossary.
 */
import type { Entity } from './validate';
import { isCaseSensitive, isSurnameAlias, matchAliases, type AliasOptions } from './aliases';
import { FLAG_AFTER_FULL, FLAG_CAPS_WORD, FLAG_CASE_SENSITIVE, FLAG_NO_BOUNDARY, FLAG_SURNAME, type TermIndex } from '../match/term-index';
import { isCapsWord } from '../match/caps';
import { foldAlias, needsNoBoundary } from '../text/normalize';

export type CardEntity = Omit<Entity, 'aliases' | 'members'> & { aliases: string[] };

export function compileIndex(
  entities: ReadonlyArray<Pick<Entity, 'id' | 'type' | 'name' | 'aliases'> & Pick<Partial<Entity>, 'related'>>,
  opts: AliasOptions = {},
): TermIndex {
  const position = new Map(entities.map((e, i) => [e.id, i]));
  const index: TermIndex = { entities: [], aliases: [] };
  entities.forEach((e, i) => {
    index.entities.push({ id: e.id, type: e.type, name: e.name });
    for (const alias of matchAliases(e, opts)) {
      let flags = 0;
      if (isCaseSensitive(alias)) flags |= FLAG_CASE_SENSITIVE | (isCapsWord(alias.text) ? FLAG_CAPS_WORD : 0);
      if (alias.afterFull) flags |= FLAG_AFTER_FULL;
      if (needsNoBoundary(alias.text)) flags |= FLAG_NO_BOUNDARY;
      if (e.type === 'person' && !alias.context && isSurnameAlias(alias.text, e.name)) flags |= FLAG_SURNAME;
      const context = alias.context?.map((id) => position.get(id)).filter((n): n is number => n !== undefined);
      // A context rule whose entities are all unknown can never be met; keep it unmet rather than unconditional.
      index.aliases.push({
        text: alias.text,
        entity: i,
        flags,
        ...(alias.context ? { context: context ?? [] } : {}),
        ...(alias.from ? { from: alias.from } : {}),
        ...(alias.to ? { to: alias.to } : {}),
      });
    }
  });
  addSurnameHints(index, entities, position);
  return index;
}

/** Surnames several people share get each person's related entities as hints (IndexAlias.hints). */
function addSurnameHints(index: TermIndex, entities: ReadonlyArray<Pick<Partial<Entity>, 'related'>>, position: Map<string, number>): void {
  const people = new Map<string, Set<number>>();
  const keyOf = new Map<number, string>();
  index.aliases.forEach((a, i) => {
    if (!(a.flags & FLAG_SURNAME)) return;
    const key = foldAlias(a.text);
    keyOf.set(i, key);
    const set = people.get(key) ?? new Set<number>();
    set.add(a.entity);
    people.set(key, set);
  });
  for (const [i, key] of keyOf) {
    if (people.get(key)!.size < 2) continue;
    const alias = index.aliases[i];
    const hints = (entities[alias.entity].related ?? []).map((id) => position.get(id)).filter((n): n is number => n !== undefined);
    if (hints.length > 0) alias.hints = hints;
  }
}

/** Card store: what the card shows, keyed by id. Alias rules are not needed there. */
export function compileCards(entities: readonly Entity[]): Record<string, CardEntity> {
  const out: Record<string, CardEntity> = {};
  for (const { members: _members, ...e } of entities) {
    out[e.id] = { ...e, aliases: e.aliases.map((a) => (typeof a === 'string' ? a : a.text)) };
  }
  return out;
}
