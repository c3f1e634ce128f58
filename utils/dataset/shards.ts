/**
 * The card store ships as a few JSON files (web-ext refuses to parse a script over 5 MB, and the
 * store outgrew that); a card's file is chosen by a hash of its id, so the background reads only
 * the file it needs, once.
 */
export const CARD_SHARDS = 8;

export function shardOf(id: string, shards = CARD_SHARDS): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % shards;
}

/** The packaged path of a shard (under the extension root). */
export const shardPath = (shard: number) => `cards/${shard}.json`;
