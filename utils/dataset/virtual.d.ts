declare module 'virtual:backstory/index' {
  import type { CompiledIndex } from '@/utils/match/compiled';
  export const meta: { entities: number; aliases: number; date: string };
  const index: CompiledIndex;
  export default index;
}
declare module 'virtual:backstory/cards' {
  import type { CardEntity } from '@/utils/dataset/compile';
  const cards: Record<string, CardEntity>;
  export default cards;
}
