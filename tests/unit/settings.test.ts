import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activeFor, DEFAULT_SETTINGS, resolveSettings, toStored } from '../../utils/settings';
import { loadSettings, settingsItem, updateSettings } from '../../utils/settings-store';

describe('settings', () => {
  test('defaults are never written: a fresh install stores nothing', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({});
  });

  test('only values that differ from the defaults are stored', async () => {
    await updateSettings({ mark: 'every', style: 'dotted' });
    expect(await settingsItem.getValue()).toEqual({ mark: 'every' });
    await updateSettings({ mark: 'first' });
    expect(await settingsItem.getValue()).toEqual({});
  });

  test('a corrupted field falls back alone; the other fields survive', () => {
    const s = resolveSettings({
      mark: 'every',
      style: 42,
      hoverDelay: -5,
      sites: { 'example.com': 'never', 'bad host!': 'never', 'x.org': 'sometimes' },
      theme: 'dark',
      categories: { person: false, bogus: true },
    });
    expect(s.mark).toBe('every');
    expect(s.style).toBe(DEFAULT_SETTINGS.style);
    expect(s.hoverDelay).toBe(DEFAULT_SETTINGS.hoverDelay);
    expect(s.sites).toEqual({ 'example.com': 'never' });
    expect(s.theme).toBe('dark');
    expect(s.categories.person).toBe(false);
    expect(s.categories.place).toBe(true);
    expect('bogus' in s.categories).toBe(false);
  });

  test('foreign values in storage (wrong type entirely) give defaults without a crash', async () => {
    for (const v of [null, 'x', 42, [], { enabled: 'yes' }]) expect(resolveSettings(v)).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.sync.set({ settings: 'garbage' });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  test('toStored drops invalid values', () => {
    expect(toStored({ hoverDelay: 9999 as number, enabled: false })).toEqual({ enabled: false });
  });

  test('where Backstory runs: master switch, site rules, then article detection', () => {
    const yes = () => true;
    const no = () => false;
    expect(activeFor(DEFAULT_SETTINGS, 'a.com', yes)).toBe(true);
    expect(activeFor(DEFAULT_SETTINGS, 'a.com', no)).toBe(false);
    expect(activeFor({ ...DEFAULT_SETTINGS, where: 'all' }, 'a.com', no)).toBe(true);
    expect(activeFor({ ...DEFAULT_SETTINGS, sites: { 'a.com': 'never' } }, 'a.com', yes)).toBe(false);
    expect(activeFor({ ...DEFAULT_SETTINGS, sites: { 'a.com': 'always' } }, 'a.com', no)).toBe(true);
    expect(activeFor({ ...DEFAULT_SETTINGS, enabled: false }, 'a.com', yes)).toBe(false);
  });
});
