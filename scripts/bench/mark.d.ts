declare module 'mark.js' {
  export default class Mark {
    constructor(context: Element | Element[] | string);
    mark(keyword: string | string[], options?: Record<string, unknown>): void;
    unmark(options?: Record<string, unknown>): void;
  }
}
