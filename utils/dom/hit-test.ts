/**
 * Which mention is under the pointer. The caret position gives the text node
 * cheaply; the mention's client rects confirm the point is really on the text,
 * so blank space beside a short line does nothing, and a name wrapped over two
 * lines works on both halves.
 */
export type CaretPosition = { node: Node; offset: number };

export function caretAt(doc: Document, x: number, y: number): CaretPosition | null {
  // Standard; Chrome 128+, Firefox. https://developer.mozilla.org/docs/Web/API/Document/caretPositionFromPoint
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  // WebKit and older Chromium only have the non-standard caretRangeFromPoint.
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

export type Rect = { left: number; top: number; right: number; bottom: number; width: number; height: number };

/** Slack in px around a line box, so the pointer on an underline still counts. */
const SLOP = 1;

export function rectContains(rect: Rect, x: number, y: number): boolean {
  return x >= rect.left - SLOP && x <= rect.right + SLOP && y >= rect.top - SLOP && y <= rect.bottom + SLOP;
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
): { record: T; rect: Rect } | null {
  const caret = caretAt(doc, point.x, point.y);
  if (!caret || caret.node.nodeType !== 3) return null;
  for (const record of recordsAt(caret.node as Text)) {
    const rect = rectUnder(record.range, point.x, point.y);
    if (rect) return { record, rect };
  }
  return null;
}
