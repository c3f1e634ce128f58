declare module 'virtual:backstory/index' {
  export const meta: { entities: number; aliases: number; date: string };
}
declare module 'virtual:backstory/cards' {
  /** Every card's display name by id; the cards themselves are in cards/<shard>.json (utils/dataset/shards.ts). */
  export const names: Record<string, string>;
}
