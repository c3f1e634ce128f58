/**
 * The content script reads settings and glossary with the raw storage API (entrypoints/content/stored.ts); the
 * popup and options page write them through WXT's storage items. Both must name the same place.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GLOSSARY_KEY, readStored, SETTINGS_KEY, watchStored } from '../../entrypoints/content/stored';
import { glossaryItem } from '../../utils/glossary-store';
import { settingsItem, updateSettings } from '../../utils/settings-store';
import type { Entity } from '../../utils/dataset/validate';
import { resolveSettings } from '../../utils/settings';

afterEach(() => fakeBrowser.reset());

describe('content storage', () => {
  test('reads what the popup and options page wrote through their storage items', async () => {
    expect(await readStored(SETTINGS_KEY)).toBeUndefined();
    await updateSettings({ mark: 'every', hoverDelay: 500 });
    expect(resolveSettings(await readStored(SETTINGS_KEY))).toEqual(resolveSettings(await settingsItem.getValue()));
    expect(resolveSettings(await readStored(SETTINGS_KEY)).mark).toBe('every');
    const entry = { id: 'acme', type: 'organization', name: 'Acme', aliases: [], summary: 'A maker.', facts: [], links: {}, reviewed: '2026-12-01' };
    await glossaryItem.setValue([entry] as unknown as Entity[]);
    expect(await readStored(GLOSSARY_KEY)).toEqual([entry]);
  });

  test('a watcher hears changes of its key and area only, removal as undefined, and stops when asked', async () => {
    const heard: unknown[] = [];
    const stop = watchStored(SETTINGS_KEY, (v) => heard.push(v));
    await updateSettings({ mark: 'every' });
    await glossaryItem.setValue([]);
    await fakeBrowser.storage.local.set({ settings: { mark: 'none' } }); // same key, other area
    await settingsItem.removeValue();
    stop();
    await updateSettings({ mark: 'first' });
    // A removal carries no new value (the fake browser says null, browsers leave it out); either reads as defaults.
    expect(heard.map((v) => (v == null ? 'removed' : resolveSettings(v).mark))).toEqual(['every', 'removed']);
  });
});
