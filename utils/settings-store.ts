/**
 * Where the settings live: one storage item (sync), read and written through the rules in ./settings.ts.
 * Apart from them so that a script that only needs the rules (the frame gate) stays small.
 */
import { storage } from 'wxt/utils/storage';
import { resolveSettings, SETTINGS_VERSION, toStored, type Settings, type StoredSettings } from './settings';

export const settingsItem = storage.defineItem<StoredSettings>('sync:settings', {
  fallback: {},
  version: SETTINGS_VERSION,
});

export async function loadSettings(): Promise<Settings> {
  return resolveSettings(await settingsItem.getValue());
}

/** Apply a change on top of what is stored, keeping valid stored fields as they are. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const current = resolveSettings(await settingsItem.getValue());
  const next = { ...current, ...patch };
  await settingsItem.setValue(toStored(next));
  return next;
}
