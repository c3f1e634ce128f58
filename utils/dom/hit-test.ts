/**
 * Which mention is under the pointer. The caret position gives the text node
 * cheaply; the mention's client rects confirm the point is really on the text,
 * so blank space beside a short line does nothing, and a name wrapped over two
 * lines works on both halves.
 */
import { boxContains, type Rect } from '../geometry';

export type CaretPosition = { node: Node; offset: number };

export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): CaretPosition | null {
  // Standard; Chrome 128+, Firefox. https://developer.mozilla.org/docs/Web/API/Document/caretPositionFromPoint
  // Without the shadowRoots option the caret stops at a shadow host; with it, it may enter the roots we scanned.
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, o?: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = shadowRoots.length > 0 ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  // WebKit and older Chromium only have the non-standard caretRangeFromPoint.
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** Slack in px around a line box, so the pointer on an underline still counts. */
const SLOP = 1;

export function rectContains(rect: Rect, x: number, y: number): boolean {
  return boxContains(rect, x, y, SLOP);
}

/** The client rect of `range` under (x, y), if any: the line the pointer is on. */
export function rectUnder(range: Range, x: number, y: number): Rect | null {
  for (const rect of Array.from(range.getClientRects())) {
    if (rect.width > 0 && rectContains(rect, x, y)) return rect;
  }
  return null;
}

export function hitTest<T extends { range: Range }>(
  doc: Document,
  point: { x: number; y: number },
  recordsAt: (node: Text) => readonly T[],
  shadowRoots: ShadowRoot[] = [],
): { record: T; rect: Rect } | null {
  const caret = caretAt(doc, point.x, point.y, shadowRoots);
  if (!caret || caret.node.nodeType !== 3) return null;
  const node = caret.node as Text;
  // Over the right half of a name's last letter the caret already sits in the next text node
  // ("<b>Putin</b>’s"), so look at the previous text node too.
  const candidates = [node];
  if (caret.offset === 0) {
    const prev = previousText(node);
    if (prev) candidates.push(prev);
  }
  for (const n of candidates) {
    for (const record of recordsAt(n)) {
      const rect = rectUnder(record.range, point.x, point.y);
      if (rect) return { record, rect };
    }
  }
  return null;
}

function previousText(node: Node): Text | null {
  for (let n: Node | null = node; n; n = n.parentNode) {
    for (let s = n.previousSibling; s; s = s.previousSibling) {
      let last: Node | null = s;
      while (last && last.nodeType === 1 && last.lastChild) last = last.lastChild;
      if (last && last.nodeType === 3) return last as Text;
      if (last && last.nodeType === 1) return null; // an element without text: a gap, not a neighbour
    }
    if (n.parentNode && n.parentNode.nodeType === 1 && /^(P|DIV|LI|TD|TH|H[1-6]|BLOCKQUOTE|SECTION|ARTICLE)$/.test((n.parentNode as Element).tagName))
      return null;
  }
  return null;
}
