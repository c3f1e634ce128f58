/**
 * The content script reads the settings and the glossary straight from extension storage, as the frame gate does,
 * without WXT's storage module (and its lock and migration code, 8 KB of a bundle every page parses at start-up).
 * The keys and areas are those of `settingsItem` (utils/settings-store.ts) and `glossaryItem`
 * (utils/glossary-store.ts), which the popup and options page write through; a missing value reads as undefined,
 * which `resolveSettings` and `readGlossary` turn into defaults.
 */
import { browser } from 'wxt/browser';

export type StoredKey = { area: 'sync' | 'local'; key: string };
export const SETTINGS_KEY: StoredKey = { area: 'sync', key: 'settings' };
export const GLOSSARY_KEY: StoredKey = { area: 'local', key: 'glossary' };

export async function readStored({ area, key }: StoredKey): Promise<unknown> {
  const got = (await browser.storage[area].get(key)) as Record<string, unknown>;
  return got[key];
}

/** Calls `onChange` with the new value (undefined when removed) each time the key changes; returns the unsubscribe. */
export function watchStored({ area, key }: StoredKey, onChange: (value: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
    if (changedArea === area && Object.hasOwn(changes, key)) onChange(changes[key].newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
