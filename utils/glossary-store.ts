/**
 * Storage for the custom glossary, as the options page writes it. Both readers, the content script's catalogue
 * (through the raw storage API, entrypoints/content/stored.ts) and the options page, check every stored entry with
 * `readGlossary` (utils/glossary.ts) and the one entity validator: a damaged entry is dropped, never the whole glossary.
 */
import { storage } from 'wxt/utils/storage';
import type { Entity } from './dataset/validate';

export const glossaryItem = storage.defineItem<Entity[]>('local:glossary', { fallback: [], version: 1 });
