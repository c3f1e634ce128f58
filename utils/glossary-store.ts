/**
 * Storage for the custom glossary. Both readers, the content script's catalogue and the options
 * page, check every stored entry with the one entity validator (utils/dataset/validate.ts), the
 * same one that checked it on import: a damaged entry is dropped, never the whole glossary.
 */
import { storage } from 'wxt/utils/storage';
import { validateEntity, type Entity } from './dataset/validate';

export const glossaryItem = storage.defineItem<Entity[]>('local:glossary', { fallback: [], version: 1 });

/** Prefix of glossary entries in the merged index, so they never clash with bundled ids. */
export const CUSTOM_PREFIX = 'custom:';

/** Entries in storage, each checked again: a damaged entry is dropped, never the whole glossary. */
export function readGlossary(stored: unknown): Entity[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((raw: unknown) => {
    const checked = validateEntity(raw);
    return checked.ok ? [checked.entity] : [];
  });
}
