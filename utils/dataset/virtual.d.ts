declare module 'virtual:backstory/index' {
  export const meta: { entities: number; aliases: number; date: string };
}
