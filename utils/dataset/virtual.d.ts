declare module 'virtual:backstory/index' {
  import type { PackedIndex } from '@/utils/match/term-index';
  export const meta: { entities: number; aliases: number; date: string };
  const index: PackedIndex;
  export default index;
}
declare module 'virtual:backstory/cards' {
  import type { CardEntity } from '@/utils/dataset/compile';
  const cards: Record<string, CardEntity>;
  export default cards;
}
