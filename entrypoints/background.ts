import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { shardOf, shardPath } from '../utils/dataset/shards';
import { meta } from 'virtual:backstory/index';
import { fromWire, handle, isToBackground, sendToTab, type BackgroundApi, type CardResponse, type PageStatus } from '../utils/messages';
import { t } from '../utils/i18n';
import { alpha2ToNumeric } from 'i18n-iso-countries';
import type { LocatorMap } from '../utils/map/locator';

const MENU_ID = 'backstory-explain';

/** Card lookups, the toolbar badge and the context menu. Cards live here, not in every page (ADR 0001). */
export default defineBackground(() => {
  // "Explain with Backstory" on selected text. Created on install; menus persist across restarts.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void browser.contextMenus.removeAll().then(() => browser.contextMenus.create({ id: MENU_ID, title: t('menuExplain'), contexts: ['selection'] }));
    if (!import.meta.env.FIREFOX && (reason === 'install' || reason === 'update')) void injectIntoOpenTabs();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined || !info.selectionText) return;
    void sendToTab(tab.id, 'explain', { text: info.selectionText.slice(0, 200) }, info.frameId ?? 0).catch(() => {});
  });

  // Keyboard path: the commands go to the active tab's content script.
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'next-mention' && command !== 'previous-mention') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await sendToTab(tab.id, 'navigate', { step: command === 'next-mention' ? 1 : -1 }).catch(() => {});
  });

  browser.runtime.onMessage.addListener(
    handle<BackgroundApi>(isToBackground, {
      card: ({ id }) => lookup(id),
      meta: () => meta,
      cards: async ({ ids }) => Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await lookup(id)] as const))),
      map: ({ country }) => locator(country),
      openOptions: ({ add }) => {
        const hash = add ? `#add=${encodeURIComponent(add)}` : '';
        void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
        return undefined;
      },
      injectFrame: (_body, sender) => injectIntoFrame(sender.tab?.id, sender.frameId),
      openFrames: (_body, sender) => openFrames(sender.tab?.id, sender.frameId),
      loadCard: (_body, sender) => loadCard(sender.tab?.id, sender.frameId),
      statusChanged: ({ status }, sender) => {
        const got = fromWire(status);
        if (got && sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0) setBadge(sender.tab.id, got);
        return undefined;
      },
    }),
  );
});

/**
 * Chromium puts manifest content scripts only into pages loaded after an install or update
 * (Firefox also injects them into open tabs). Without this a reader who installs or updates
 * Backstory would see nothing on the articles already open until they reload them. The old
 * script of an update has retired by itself (its extension context is gone); a tab that
 * already answers is left alone, so no page ever runs two copies.
 */
async function injectIntoOpenTabs(): Promise<void> {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined || tab.discarded) continue;
    const alive = await sendToTab(tab.id, 'status', {}).then(
      () => true,
      () => false,
    );
    if (alive) continue;
    for (const cs of scripts) {
      const target = { tabId: tab.id, allFrames: cs.all_frames ?? false };
      try {
        if (cs.css?.length) await browser.scripting.insertCSS({ target, files: cs.css });
        if (cs.js?.length) await browser.scripting.executeScript({ target, files: cs.js as ScriptPublicPath[] });
      } catch {
        // A page no extension may script (the browser's own pages, the Web Store): nothing to do.
      }
    }
  }
}

/**
 * Chromium: run extension scripts in a tab's frames; false when they could not run (the frame or tab navigated away,
 * or holds a page no extension may script).
 */
async function runScripts(target: Parameters<typeof browser.scripting.executeScript>[0]['target'], files: string[]): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target, files: files as ScriptPublicPath[] });
    return true;
  } catch {
    return false;
  }
}

/** Chromium: the full content script, into a subframe whose gate found it part of an article. */
async function injectIntoFrame(tabId: number | undefined, frameId: number | undefined): Promise<boolean> {
  if (import.meta.env.FIREFOX || tabId === undefined || !frameId) return false;
  const main = browser.runtime.getManifest().content_scripts?.find((cs) => cs.js?.some((f) => f.endsWith('content-scripts/content.js')));
  return main?.js ? runScripts({ tabId, frameIds: [frameId] }, main.js) : false;
}

/**
 * Chromium: the frame gate into every frame of a tab whose top frame found a frame that may hold part of the
 * article (utils/dom/frames.ts). No manifest script runs in subframes: most are ads, and any script costs a frame.
 */
async function openFrames(tabId: number | undefined, frameId: number | undefined): Promise<boolean> {
  if (import.meta.env.FIREFOX || tabId === undefined || frameId !== 0) return false;
  return runScripts({ tabId, allFrames: true }, ['/frame-gate.js']);
}

/** Chromium: the card's code (entrypoints/card.ts) into the frame of a content script that wants to show a card. */
async function loadCard(tabId: number | undefined, frameId: number | undefined): Promise<boolean> {
  if (import.meta.env.FIREFOX || tabId === undefined) return false;
  return runScripts({ tabId, frameIds: [frameId ?? 0] }, ['/card.js']);
}

/** The tab's badge: how many entities the article names (nothing when Backstory is off there). */
function setBadge(tabId: number, status: PageStatus): void {
  const count = status.active ? status.found.length : 0;
  const text = count > 0 ? String(Math.min(count, 999)) : '';
  // Firefox builds are MV2, where the toolbar button is browserAction.
  const action = browser.action ?? browser.browserAction;
  void action?.setBadgeText({ tabId, text });
  void action?.setBadgeBackgroundColor({ tabId, color: '#1d4ed8' });
}

const maps = new Map<string, LocatorMap | null>();

/** Locator maps are drawn on first request only: d3-geo and the Natural Earth shapes load lazily. */
async function locator(country: string): Promise<LocatorMap | null> {
  if (maps.has(country)) return maps.get(country) ?? null;
  const numeric = alpha2ToNumeric(country);
  const { locatorMap } = await import('../utils/map/locator');
  const map = numeric ? locatorMap(numeric) : null;
  maps.set(country, map);
  return map;
}

const shards = new Map<number, Promise<Record<string, NonNullable<CardResponse>>>>();

/**
 * One shard of the card store, read from the extension's own package on first use. This is the only
 * fetch in Backstory and it never leaves the browser: its URL is always runtime.getURL of a packaged file.
 */
function shard(k: number): Promise<Record<string, NonNullable<CardResponse>>> {
  let p = shards.get(k);
  if (!p) {
    // WXT types getURL for files it knows at type-check time; the shards are emitted by the dataset plugin.
    const url = (browser.runtime.getURL as (path: string) => string)(`/${shardPath(k)}`);
    p = fetch(url).then((r) => r.json() as Promise<Record<string, NonNullable<CardResponse>>>);
    p.catch(() => shards.delete(k));
    shards.set(k, p);
  }
  return p;
}

/** A card as the build stored it (its related names resolved), or null for an id the dataset does not have. */
async function lookup(id: string): Promise<CardResponse> {
  const store = await shard(shardOf(id));
  return Object.hasOwn(store, id) ? store[id] : null;
}
