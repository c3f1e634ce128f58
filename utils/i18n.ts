/**
 * UI strings through browser.i18n (public/_locales). The English catalogue is the
 * fallback where the API is missing or a message is absent (unit tests, a
 * missing translation), so no view ever shows a raw key.
 */
import { browser } from 'wxt/browser';
import english from '../public/_locales/en/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
export type MessageKey = keyof typeof english;

function fallback(key: string, subs: string[]): string {
  const entry = (english as Catalogue)[key];
  if (!entry) return key;
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    const n = Number(content.replace('$', ''));
    return Number.isInteger(n) && n > 0 ? (subs[n - 1] ?? '') : content;
  });
}

export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const s = subs.map(String);
  try {
    const got = browser.i18n.getMessage(key, s);
    if (got) return got;
  } catch {
    // No i18n API here (tests) or not mocked.
  }
  return fallback(key, s);
}

/** The browser's UI language (BCP 47), for dates; English where the API is missing. */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** "June 2025" in the UI language ("juin 2025", "2025年6月"); a year-only date stays "2025". */
export function formatMonth(date: string, locale: string = uiLocale()): string {
  if (date.length < 7) return date.slice(0, 4);
  const [y, m] = date.split('-').map(Number);
  try {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
  } catch {
    return date.slice(0, 7); // an unknown locale tag
  }
}
