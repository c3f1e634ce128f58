/**
 * What the reader sees of the mentions a scan found, under their settings: which count (categories),
 * which are marked (first / every / none), what "In this article" lists, and why nothing is marked.
 * Pure: records, entities and settings in, plain values out.
 */
import type { EntityType } from '../dataset/types';
import type { FoundEntity, PageStatus } from '../messages';
import { siteRule, type Settings } from '../settings';

/** The parts of a mention record the view needs (a scan's MentionRecord has them). */
export type Mention = { entity: number };
type Entity = { id: string; name: string; type: EntityType };

/** Mentions whose entity's category is switched on, in reading order. */
export function visibleMentions<M extends Mention>(records: readonly M[], typeOf: (entity: number) => EntityType, categories: Settings['categories']): M[] {
  return records.filter((r) => categories[typeOf(r.entity)]);
}

/** The mentions marked under the mark mode: every one, the first of each entity, or none. */
export function markedMentions<M extends Mention>(records: readonly M[], mode: Settings['mark']): M[] {
  if (mode === 'every') return [...records];
  if (mode === 'none') return [];
  const seen = new Set<number>();
  return records.filter((r) => !seen.has(r.entity) && Boolean(seen.add(r.entity)));
}

/** Each entity once, with how often it is mentioned, in order of first mention. */
export function foundEntities(records: readonly Mention[], entityOf: (entity: number) => Entity): FoundEntity[] {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.entity, (counts.get(r.entity) ?? 0) + 1);
  return [...counts].map(([i, count]) => {
    const { id, name, type } = entityOf(i);
    return { id, name, type, count };
  });
}

/** Why nothing is marked on a page, when nothing is; undefined when something is found. */
export function statusReason(settings: Settings, hostname: string, active: boolean, found: number): PageStatus['reason'] {
  if (!settings.enabled) return 'disabled';
  if (siteRule(settings, hostname) === 'never') return 'muted';
  if (!active) return 'not-article';
  if (found === 0) return 'none-found';
  return undefined;
}

/** For "explain": the longest name in a selection (alias rules are for running text, not an explicit question). */
export function longestHit<H extends { start: number; end: number }>(hits: readonly H[]): H | undefined {
  let best: H | undefined;
  for (const h of hits) if (!best || h.end - h.start > best.end - best.start) best = h;
  return best;
}

/** Keyboard navigation: the index of the next (or previous) mention after `at` (-1: none yet), wrapping. */
export function stepIndex(at: number, step: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (at < 0) return step === 1 ? 0 : length - 1;
  return (at + step + length) % length;
}
