declare module 'virtual:backstory/index' {
  export const meta: { entities: number; aliases: number; date: string };
  /** The compiled index file (utils/match/compiled.ts), base64. */
  export const indexFile: string;
  /** The same, gzip'd, base64. */
  export const indexGzip: string;
}
declare module 'virtual:backstory/cards' {
  import type { CardEntity } from '@/utils/dataset/compile';
  const cards: Record<string, CardEntity>;
  export default cards;
}
