/**
 * The one settings definition. Only values the user changed are stored; the
 * defaults live here and are never written. Every field is validated on read:
 * a corrupted or foreign value falls back to its default alone, so one bad
 * field never costs the user the others.
 */
import { ENTITY_TYPES, type EntityType } from './dataset/types';
import { isPlainObject } from './core/guards';

export type SiteRule = 'always' | 'never';
/** How marks are drawn; the highlighter registers one CSS highlight per style. */
export type MarkStyle = 'dotted' | 'underline' | 'background';

export type Settings = {
  enabled: boolean;
  where: 'news' | 'all';
  /** Where in a page to look: the article body (menus, lists of other stories and footers left out), or all of it. */
  scope: 'article' | 'page';
  sites: Record<string, SiteRule>;
  mark: 'first' | 'every' | 'none';
  style: MarkStyle;
  categories: Record<EntityType, boolean>;
  hoverDelay: number;
  theme: 'auto' | 'light' | 'dark';
};

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  where: 'news',
  scope: 'article',
  sites: {},
  mark: 'first',
  style: 'dotted',
  categories: Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<EntityType, boolean>,
  hoverDelay: 400,
  theme: 'auto',
}) as Settings;

/** What is stored: the user's own choices only. */
export type StoredSettings = Partial<Settings>;

export const SETTINGS_VERSION = 1;

const oneOf =
  <T extends string>(...values: T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as string[]).includes(v);

const HOST = /^[a-z0-9.-]{1,253}$/;

const fields: { [K in keyof Settings]: (v: unknown) => Settings[K] | undefined } = {
  enabled: (v) => (typeof v === 'boolean' ? v : undefined),
  where: (v) => (oneOf('news', 'all')(v) ? v : undefined),
  scope: (v) => (oneOf('article', 'page')(v) ? v : undefined),
  mark: (v) => (oneOf('first', 'every', 'none')(v) ? v : undefined),
  style: (v) => (oneOf('dotted', 'underline', 'background')(v) ? v : undefined),
  theme: (v) => (oneOf('auto', 'light', 'dark')(v) ? v : undefined),
  hoverDelay: (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1000 ? Math.round(v) : undefined),
  sites: (v) => {
    if (!isPlainObject(v)) return undefined;
    const out: Record<string, SiteRule> = {};
    for (const [host, rule] of Object.entries(v)) {
      if (HOST.test(host) && oneOf('always', 'never')(rule)) out[host] = rule;
    }
    return out;
  },
  categories: (v) => {
    if (!isPlainObject(v)) return undefined;
    const out = { ...DEFAULT_SETTINGS.categories };
    for (const t of ENTITY_TYPES) if (typeof v[t] === 'boolean') out[t] = v[t] as boolean;
    return out;
  },
};

/** Full settings from whatever storage holds; invalid fields fall back to their defaults. */
export function resolveSettings(stored: unknown): Settings {
  const src = isPlainObject(stored) ? stored : {};
  const out = { ...DEFAULT_SETTINGS } as Record<keyof Settings, unknown>;
  for (const key of Object.keys(fields) as Array<keyof Settings>) {
    if (!(key in src)) continue;
    const value = fields[key](src[key]);
    if (value !== undefined) out[key] = value;
  }
  return out as Settings;
}

/** The minimal stored form: only valid values that differ from the defaults. */
export function toStored(settings: Partial<Settings>): StoredSettings {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields) as Array<keyof Settings>) {
    if (!(key in settings)) continue;
    const value = fields[key](settings[key]);
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(DEFAULT_SETTINGS[key])) out[key] = value;
  }
  return out as StoredSettings;
}

export function siteRule(settings: Settings, hostname: string): SiteRule | undefined {
  return settings.sites[hostname.toLowerCase()];
}

/** Whether Backstory should work on a page, before article detection. */
export function activeFor(settings: Settings, hostname: string, isArticle: () => boolean): boolean {
  if (!settings.enabled) return false;
  const rule = siteRule(settings, hostname);
  if (rule === 'never') return false;
  if (rule === 'always' || settings.where === 'all') return true;
  return isArticle();
}
