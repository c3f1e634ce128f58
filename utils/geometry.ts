/**
 * The one geometry module: points, boxes and rects as the DOM gives them, and the tests on them that
 * hit testing, card placement and the hover's safe path share.
 */
export type Point = { x: number; y: number };
export type Box = { left: number; top: number; right: number; bottom: number };
/** A DOMRect's fields, without the DOMRect (tests and placement build them by hand). */
export type Rect = Box & { width: number; height: number };

/** Whether (x, y) lies in `box`, grown by `slack` px on every side. */
export function boxContains(box: Box, x: number, y: number, slack = 0): boolean {
  return x >= box.left - slack && x <= box.right + slack && y >= box.top - slack && y <= box.bottom + slack;
}

/*
 * The safe path from a name to its card: the triangle between the point where the
 * pointer left the name and the card's nearer edge. While the pointer travels
 * inside it, the card keeps its grace period (Page Previews and 10ten do the same),
 * so a diagonal move into the card does not lose it by crossing other text.
 */

/** Extra px around the triangle: hands are not exact. */
const TOLERANCE = 4;

export function safeTriangle(from: Point, card: Box): [Point, Point, Point] {
  // The edge of the card that faces the point.
  if (from.y <= card.top) return [from, { x: card.left - TOLERANCE, y: card.top }, { x: card.right + TOLERANCE, y: card.top }];
  if (from.y >= card.bottom) return [from, { x: card.left - TOLERANCE, y: card.bottom }, { x: card.right + TOLERANCE, y: card.bottom }];
  if (from.x <= card.left) return [from, { x: card.left, y: card.top - TOLERANCE }, { x: card.left, y: card.bottom + TOLERANCE }];
  return [from, { x: card.right, y: card.top - TOLERANCE }, { x: card.right, y: card.bottom + TOLERANCE }];
}

export function inTriangle(p: Point, [a, b, c]: [Point, Point, Point]): boolean {
  const side = (p1: Point, p2: Point, p3: Point) => (p1.x - p3.x) * (p2.y - p3.y) - (p2.x - p3.x) * (p1.y - p3.y);
  const d1 = side(p, a, b);
  const d2 = side(p, b, c);
  const d3 = side(p, c, a);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

export function onSafePath(p: Point, from: Point, card: Box): boolean {
  return inTriangle(p, safeTriangle(from, card));
}
