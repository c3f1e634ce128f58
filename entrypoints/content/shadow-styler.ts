import type { ScopeScanHooks } from './scope-scan';

/**
 * ::highlight() rules from the manifest stylesheet do not reach into shadow trees: an open shadow
 * root with marks adopts a sheet of its own (no element is added to it).
 */
export function styleShadowRoot(root: ShadowRoot, win: Window, css: string): boolean {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return true;
  } catch {
    // Firefox: a sheet built in the content script's compartment cannot be adopted by a page's root.
  }
  try {
    // Firefox: the sheet must belong to the page's compartment. The constructor is the native one read
    // through the Xray (a page that replaced window.CSSStyleSheet cannot run code here), waived only to
    // construct; the sheet is then filled and adopted through Xray views, never the page's own methods.
    type Waived<T> = T & { wrappedJSObject: T };
    const xray = (globalThis as unknown as { XPCNativeWrapper: <T>(o: T) => T }).XPCNativeWrapper;
    const NativeSheet = ((win as Window & typeof globalThis).CSSStyleSheet as Waived<typeof CSSStyleSheet>).wrappedJSObject;
    const sheet = xray(new NativeSheet());
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return true;
  } catch {
    return false; // Neither worked: marks in this root go unstyled; hover still works.
  }
}

/** The open shadow roots met while scanning: hit testing needs them, marks inside need our styles, changes in them are watched. */
export class ShadowRoots {
  readonly list: ShadowRoot[] = [];

  constructor(
    private readonly win: Window,
    private readonly css: string,
    private readonly watch: (root: ShadowRoot) => void,
  ) {}

  has(root: ShadowRoot): boolean {
    return this.list.includes(root);
  }

  /** The scan's hooks for a run: `current` says whether the run still counts. */
  hooks(current: () => boolean): ScopeScanHooks {
    return { current, adopt: (r) => this.adopt(r), known: (r) => this.has(r) };
  }

  adopt(root: ShadowRoot): void {
    if (this.has(root)) return;
    this.list.push(root);
    this.watch(root);
    styleShadowRoot(root, this.win, this.css);
  }
}
