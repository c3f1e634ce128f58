/**
 * Chromium: which of a page's frames are worth Backstory's frame gate (ADR 0002, "Frames"). No script of
 * ours runs in a subframe until the top frame's content script finds one that may hold part of an
 * article; most frames are ads and embeds, and starting any extension script in a frame has a fixed cost.
 */

/** A frame at least this large (CSS pixels) could be an article itself (a story shown inside another site's page). */
export const READABLE_FRAME = { width: 480, height: 480 } as const;

/** Whether a frame of this size could be an article itself. */
export function readableSize(box: { width: number; height: number }): boolean {
  return box.width >= READABLE_FRAME.width && box.height >= READABLE_FRAME.height;
}

type FrameLike = Pick<HTMLIFrameElement, 'src' | 'getBoundingClientRect' | 'getAttribute'> & { readonly contentDocument: Document | null };

/**
 * Whether a frame may hold part of an article, so its document should get the gate:
 *  - its page is of the top page's origin (comments, a same-site embed), by its `src`, so it counts before it loads;
 *  - it has no page of its own (about:blank or `srcdoc`, written by the page's script) and already holds text;
 *  - or it is large enough to read an article in, whatever its origin (by its width and height attributes when it
 *    has both, else by its box).
 * Ads (300×250, 728×90, 300×600) and video players (16:9 at article width) are none of these.
 */
export function frameMayHoldArticle(frame: FrameLike, pageOrigin: string): boolean {
  const src = frame.src;
  if (src && !src.startsWith('about:')) {
    // The property gives the URL resolved: of the page's origin when it starts with that origin and a path.
    if (src === pageOrigin || src.startsWith(`${pageOrigin}/`)) return true;
  } else {
    // A document the page wrote (about:blank, srcdoc): of the page's origin. Worth a gate only once it holds text.
    const text = frame.contentDocument?.body?.textContent;
    if (text && text.trim().length > 0) return true;
  }
  // Its size: the frame's own width and height attributes when it has both in pixels (ad slots do), so most frames
  // are judged without asking for layout; else its box.
  const width = Number(frame.getAttribute('width') ?? NaN);
  const height = Number(frame.getAttribute('height') ?? NaN);
  return readableSize(width > 0 && height > 0 ? { width, height } : frame.getBoundingClientRect());
}

/**
 * Watches a document's frames for the first one worth the gate, and asks once (`ask`) for the gate in every frame;
 * the gate itself decides, per frame, whether the full script goes in. Asks again only for frames that appear after
 * an ask (a frame's gate runs once per document, so earlier frames are not disturbed).
 */
export class FrameOpener {
  private readonly seen = new WeakSet<Element>();
  /** Frames judged not worth the gate, by the page they held then: judged again only once they hold another. */
  private readonly declined = new WeakMap<Element, string>();

  constructor(
    private readonly doc: Document,
    private readonly ask: () => void,
  ) {}

  /** Checks the frames under `roots` (the whole document by default); asks when one is worth the gate. */
  check(roots?: ReadonlyArray<Node>): boolean {
    const origin = this.doc.location?.origin ?? '';
    let found = false;
    // The whole document through its tag collections (no selector matching over the page); added nodes one by one.
    const lists = roots
      ? roots.map((root) =>
          root instanceof Element && /^(IFRAME|FRAME)$/.test(root.nodeName) ? [root] : ((root as ParentNode).querySelectorAll?.('iframe, frame') ?? []),
        )
      : [this.doc.getElementsByTagName('iframe'), this.doc.getElementsByTagName('frame')];
    for (const frames of lists) {
      for (const frame of frames as Iterable<Element>) {
        if (this.seen.has(frame)) continue;
        const src = (frame as HTMLIFrameElement).src;
        if (this.declined.get(frame) === src) continue;
        if (!frameMayHoldArticle(frame as HTMLIFrameElement, origin)) {
          // A page of its own stays what it is; a written frame (about:blank) may get text later, so it is judged again.
          if (src && !src.startsWith('about:')) this.declined.set(frame, src);
          continue;
        }
        this.seen.add(frame);
        found = true;
      }
    }
    if (found) this.ask();
    return found;
  }
}
