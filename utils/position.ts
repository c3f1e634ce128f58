/**
 * Card placement against the rect of the hovered line: below the name (above when there is no room
 * below), shifted sideways to stay 5 px inside the viewport, never over the name, and as tall as the
 * side it went to allows (120–400 px). One measurement of the card, then writes only: the card shows
 * in the same task, with a single layout (a general positioning library measured it two or three times,
 * 4–10 ms per card in Chromium).
 */
import type { Rect } from './geometry';

/** Gap between the name and the card (Page Previews' pointer is 8 px). */
export const GAP_PX = 8;
/** Minimum distance from the viewport edge (10ten's GUTTER is 5 px). */
export const EDGE_PX = 5;
/** Below this width the card becomes a bottom sheet. */
export const SHEET_BELOW_PX = 480;
/** The card's height: at least this much room (scrolling inside), at most this tall. */
export const MIN_HEIGHT_PX = 120;
export const MAX_HEIGHT_PX = 400;

type Size = { width: number; height: number };
export type Placement = { x: number; y: number; maxHeight: number; side: 'below' | 'above' };

/**
 * Where a card of natural size `card` goes for a name at `anchor`, in a viewport of `viewport` (fixed positioning).
 * Below the name when its height (up to MAX_HEIGHT_PX) fits there, else above when it fits there, else on the side with
 * more room, shortened to fit (scrolling inside). Left-aligned with the name (right-aligned in right-to-left pages),
 * then shifted to stay EDGE_PX inside the viewport.
 */
export function cardPosition(anchor: Pick<Rect, 'left' | 'top' | 'width' | 'height'>, card: Size, viewport: Size, opts: { rtl?: boolean } = {}): Placement {
  const below = viewport.height - EDGE_PX - (anchor.top + anchor.height + GAP_PX);
  const above = anchor.top - GAP_PX - EDGE_PX;
  const wanted = Math.min(card.height, MAX_HEIGHT_PX);
  const side = wanted <= below || (wanted > above && below >= above) ? 'below' : 'above';
  const maxHeight = Math.max(MIN_HEIGHT_PX, Math.min(MAX_HEIGHT_PX, side === 'below' ? below : above));
  const height = Math.min(card.height, maxHeight);
  let y = side === 'below' ? anchor.top + anchor.height + GAP_PX : anchor.top - GAP_PX - height;
  // A name outside the viewport (a selection scrolled away, explained from the context menu): keep the card in view.
  if (anchor.top >= viewport.height || anchor.top + anchor.height <= 0) y = Math.max(EDGE_PX, Math.min(y, viewport.height - EDGE_PX - height));
  const start = opts.rtl ? anchor.left + anchor.width - card.width : anchor.left;
  const x = Math.max(EDGE_PX, Math.min(start, viewport.width - EDGE_PX - card.width));
  return { x, y, maxHeight, side };
}

/** Measure the card once (at its natural height), place it, and write its position and height. */
export function placeCard(anchor: Rect, card: HTMLElement, opts: { rtl?: boolean } = {}): Placement {
  // Copy the fields: a DOMRect's are prototype getters.
  const { left, top, width, height } = anchor;
  card.style.maxHeight = '';
  const box = card.getBoundingClientRect();
  const root = card.ownerDocument.documentElement;
  const placed = cardPosition(
    { left, top, width, height },
    { width: box.width, height: box.height },
    { width: root.clientWidth, height: root.clientHeight },
    opts,
  );
  card.style.maxHeight = `${placed.maxHeight}px`;
  card.style.left = `${placed.x}px`;
  card.style.top = `${placed.y}px`;
  return placed;
}
