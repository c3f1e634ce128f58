/**
 * The one message protocol between the content script, the background and the popup.
 *
 * Each request type names its body and its reply in one table, so a call site gets a typed reply
 * without a cast, and a handler must return the reply its table promises. Every message that
 * crosses a boundary is checked by the receiving side's guard before any handler sees it.
 */
import { browser } from 'wxt/browser';
import type { CardEntity } from './dataset/compile';
import type { Timing } from './page/timings';
import type { EntityType } from './dataset/types';
import type { LocatorMap } from './map/locator';
import { isPlainObject } from './core/guards';

export type FoundEntity = { id: string; name: string; type: EntityType; count: number };

export type PageStatus = {
  hostname: string;
  /** The page's address, so an extension page can tell tabs of one host apart. Never stored or logged. */
  url: string;
  active: boolean;
  /**
   * 'starting' until settings are read, 'working' while a scan, a rescan or a settings change is in
   * progress or a batch of page changes is waiting, 'idle' when everything asked of it is done.
   */
  phase: 'starting' | 'working' | 'idle';
  /** How many times the script has gone from working to idle: a test waits for it to grow. */
  settled: number;
  /** Why nothing is marked, when nothing is. */
  reason?: 'disabled' | 'muted' | 'not-article' | 'none-found';
  found: FoundEntity[];
};

/**
 * A status as it crosses a process boundary: the found list as one JSON string. Firefox clones a message
 * object by object; a 2 MB page's list of some thousands of entities took 45–50 ms of the page's main thread
 * to send, where one string is a copy.
 */
export type WireStatus = Omit<PageStatus, 'found'> & { found: string };

/** The status to send. */
export function toWire(status: PageStatus): WireStatus {
  return { ...status, found: JSON.stringify(status.found) };
}

/** A received status, checked; null when it is not one. */
export function fromWire(m: unknown): PageStatus | null {
  if (!isWireStatus(m)) return null;
  let found: unknown;
  try {
    found = JSON.parse(m.found);
  } catch {
    return null;
  }
  return isFoundList(found) ? { ...m, found } : null;
}

export type CardResponse = { entity: CardEntity; related: Array<{ id: string; name: string }> } | null;
export type DatasetMeta = { entities: number; date: string };

/** What the background answers. */
export type BackgroundApi = {
  card: { body: { id: string }; reply: CardResponse };
  cards: { body: { ids: string[] }; reply: Record<string, CardResponse> };
  meta: { body: Record<string, never>; reply: DatasetMeta };
  map: { body: { country: string }; reply: LocatorMap | null };
  openOptions: { body: { add?: string }; reply: void };
  /**
   * Pushed by a top frame's content script whenever what it would report changed. The background
   * sets the tab's badge from it; an open popup showing that tab updates "In this article".
   */
  statusChanged: { body: { status: WireStatus }; reply: void };
  /** Chromium: a subframe's gate asks for the full content script (the sender's frame gets it). */
  injectFrame: { body: Record<string, never>; reply: boolean };
  /** Chromium: the top frame found a frame that may hold part of the article; every frame of the tab gets the gate. */
  openFrames: { body: Record<string, never>; reply: boolean };
  /** Chromium: a content script wants the card's code (entrypoints/card.ts) in its frame; true once it has run there. */
  loadCard: { body: Record<string, never>; reply: boolean };
};

/** What a content script answers. */
export type ContentApi = {
  status: { body: Record<string, never>; reply: WireStatus };
  jump: { body: { id: string }; reply: boolean };
  explain: { body: { text: string }; reply: boolean };
  navigate: { body: { step: 1 | -1 }; reply: boolean };
  /** The content script's own timings (start-up, scans, cards): what the benchmark reads back. */
  timings: { body: Record<string, never>; reply: Timing[] };
};

type Message<Api, K extends keyof Api> = { type: K } & (Api[K] extends { body: infer B } ? B : never);
type Reply<Api, K extends keyof Api> = Api[K] extends { reply: infer R } ? R : never;
export type ToBackground = { [K in keyof BackgroundApi]: Message<BackgroundApi, K> }[keyof BackgroundApi];
export type ToContent = { [K in keyof ContentApi]: Message<ContentApi, K> }[keyof ContentApi];

/** Ask the background. Rejects when there is no background to answer (the extension was reloaded). */
export async function sendToBackground<K extends keyof BackgroundApi>(type: K, body: BackgroundApi[K]['body']): Promise<Reply<BackgroundApi, K>> {
  const reply: Reply<BackgroundApi, K> = await browser.runtime.sendMessage({ ...body, type });
  return reply;
}

/** Ask the content script of a tab (its top frame unless `frameId` says otherwise). */
export async function sendToTab<K extends keyof ContentApi>(tabId: number, type: K, body: ContentApi[K]['body'], frameId = 0): Promise<Reply<ContentApi, K>> {
  const reply: Reply<ContentApi, K> = await browser.tabs.sendMessage(tabId, { ...body, type }, { frameId });
  return reply;
}

export type Sender = { tab?: { id?: number }; frameId?: number };
type Handlers<Api> = {
  [K in keyof Api]?: (message: Message<Api, K>, sender: Sender) => Reply<Api, K> | Promise<Reply<Api, K>> | undefined;
};

/**
 * A runtime.onMessage listener that checks each message with `guard`, then calls the handler for
 * its type. Messages that fail the guard, or have no handler here, are left to other listeners.
 */
export function handle<Api>(guard: (m: unknown) => m is { type: keyof Api }, handlers: Handlers<Api>) {
  return (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (!guard(message)) return undefined;
    const fn = handlers[message.type] as ((m: unknown, s: Sender) => unknown) | undefined;
    const out = fn?.(message, sender);
    return out === undefined ? undefined : Promise.resolve(out);
  };
}

const isString = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;

function isWireStatus(s: unknown): s is WireStatus {
  return (
    isPlainObject(s) &&
    typeof s.hostname === 'string' &&
    typeof s.url === 'string' &&
    typeof s.active === 'boolean' &&
    (s.phase === 'starting' || s.phase === 'working' || s.phase === 'idle') &&
    typeof s.settled === 'number' &&
    typeof s.found === 'string' &&
    s.found.length <= 2_000_000
  );
}

function isFoundList(found: unknown): found is FoundEntity[] {
  return (
    Array.isArray(found) &&
    found.length <= 5000 &&
    found.every((f) => isPlainObject(f) && typeof f.id === 'string' && typeof f.name === 'string' && typeof f.type === 'string' && typeof f.count === 'number')
  );
}

export function isToBackground(m: unknown): m is ToBackground {
  if (!isPlainObject(m)) return false;
  switch (m.type) {
    case 'card':
      return isString(m.id);
    case 'cards':
      return Array.isArray(m.ids) && m.ids.length <= 2000 && m.ids.every((x) => isString(x));
    case 'openOptions':
      return m.add === undefined || isString(m.add);
    case 'map':
      return typeof m.country === 'string' && /^[A-Z]{2}$/.test(m.country);
    case 'statusChanged':
      return isWireStatus(m.status);
    case 'meta':
    case 'injectFrame':
    case 'openFrames':
    case 'loadCard':
      return true;
    default:
      return false;
  }
}

export function isToContent(m: unknown): m is ToContent {
  if (!isPlainObject(m)) return false;
  switch (m.type) {
    case 'status':
    case 'timings':
      return true;
    case 'jump':
      return isString(m.id);
    case 'explain':
      return isString(m.text, 10_000);
    case 'navigate':
      return m.step === 1 || m.step === -1;
    default:
      return false;
  }
}

/** A status pushed by a content script, for an extension page listening on runtime.onMessage. */
export function statusPush(m: unknown): PageStatus | null {
  return isPlainObject(m) && m.type === 'statusChanged' ? fromWire(m.status) : null;
}
