/**
 * Messages between the content script, the background and the popup.
 * Every message that crosses a boundary is checked with these guards.
 */
import type { CardEntity } from './dataset/compile';
import type { EntityType } from './dataset/schema';

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

export type CardResponse = { entity: CardEntity; related: Array<{ id: string; name: string }> } | null;

export type ToBackground =
  | { type: 'card'; id: string }
  | { type: 'badge'; count: number }
  | { type: 'meta' }
  | { type: 'index' }
  | { type: 'cards'; ids: string[] }
  | { type: 'openOptions'; add?: string }
  | { type: 'map'; country: string };
export type ToContent =
  | { type: 'status' }
  | { type: 'jump'; id: string }
  | { type: 'explain'; text: string }
  | { type: 'navigate'; step: 1 | -1 };

export function isToBackground(m: unknown): m is ToBackground {
  if (!m || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'card') return typeof (m as { id?: unknown }).id === 'string';
  if (t === 'badge') return typeof (m as { count?: unknown }).count === 'number';
  if (t === 'cards') {
    const ids = (m as { ids?: unknown }).ids;
    return Array.isArray(ids) && ids.length <= 2000 && ids.every((x) => typeof x === 'string');
  }
  if (t === 'openOptions') {
    const add = (m as { add?: unknown }).add;
    return add === undefined || (typeof add === 'string' && add.length <= 200);
  }
  if (t === 'map') return typeof (m as { country?: unknown }).country === 'string' && /^[A-Z]{2}$/.test((m as { country: string }).country);
  return t === 'meta' || t === 'index';
}

export function isToContent(m: unknown): m is ToContent {
  if (!m || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'status') return true;
  if (t === 'jump') return typeof (m as { id?: unknown }).id === 'string';
  if (t === 'explain') return typeof (m as { text?: unknown }).text === 'string';
  if (t === 'navigate') return (m as { step?: unknown }).step === 1 || (m as { step?: unknown }).step === -1;
  return false;
}
