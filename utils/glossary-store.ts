/**
 * Storage for the custom glossary, kept free of the schema library so the
 * content script stays small. The options page validates with the full schema
 * before writing (utils/glossary.ts); readers here only use entries whose shape
 * is usable, so a damaged entry is skipped, never the whole glossary.
 */
import { isPlainObject } from './guards';
import { storage } from 'wxt/utils/storage';
import type { Entity } from './dataset/schema';
import { ENTITY_TYPES } from './dataset/types';

export const glossaryItem = storage.defineItem<Entity[]>('local:glossary', { fallback: [], version: 1 });

/** Prefix of glossary entries in the merged index, so they never clash with bundled ids. */
export const CUSTOM_PREFIX = 'custom:';

export function usableEntries(stored: unknown): Entity[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (e): e is Entity =>
      isPlainObject(e) &&
      typeof e.id === 'string' &&
      typeof e.name === 'string' &&
      e.name.length > 0 &&
      typeof e.summary === 'string' &&
      typeof e.type === 'string' &&
      (ENTITY_TYPES as readonly string[]).includes(e.type) &&
      Array.isArray(e.aliases) &&
      e.aliases.every((a: unknown) => typeof a === 'string' || (isPlainObject(a) && typeof a.text === 'string')) &&
      Array.isArray(e.facts) &&
      isPlainObject(e.links),
  );
}
