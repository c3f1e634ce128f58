/**
 * Card placement with @floating-ui/dom against a virtual element: the rect of
 * the hovered line. Offset from the name, flipped above when there is no room
 * below, shifted to stay 5 px inside the viewport, and never over the name.
 */
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { Rect } from './geometry';

/** Gap between the name and the card (Page Previews' pointer is 8 px). */
export const GAP_PX = 8;
/** Minimum distance from the viewport edge (10ten's GUTTER is 5 px). */
export const EDGE_PX = 5;
/** Below this width the card becomes a bottom sheet. */
export const SHEET_BELOW_PX = 480;

export async function placeCard(anchor: Rect, card: HTMLElement, opts: { rtl?: boolean } = {}) {
  // Copy the fields: a DOMRect's are prototype getters, which a spread would drop.
  const { left, top, width, height } = anchor;
  const reference = {
    getBoundingClientRect: () => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }),
  };
  return computePosition(reference, card, {
    strategy: 'fixed',
    placement: opts.rtl ? 'bottom-end' : 'bottom-start',
    middleware: [
      offset(GAP_PX),
      flip({ padding: EDGE_PX, fallbackPlacements: [opts.rtl ? 'top-end' : 'top-start'] }),
      shift({ padding: EDGE_PX }),
      size({
        padding: EDGE_PX,
        apply({ availableHeight, elements }) {
          elements.floating.style.maxHeight = `${Math.max(120, Math.min(400, availableHeight))}px`;
        },
      }),
    ],
  });
}
