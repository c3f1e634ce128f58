import { describe, expect, test } from 'vitest';
import { cardPosition, EDGE_PX, GAP_PX, MAX_HEIGHT_PX, MIN_HEIGHT_PX } from '../../utils/position';

const VIEWPORT = { width: 1280, height: 800 };
const CARD = { width: 340, height: 300 };
const name = (left: number, top: number, width = 80, height = 20) => ({ left, top, width, height });

describe('cardPosition', () => {
  test('below the name, left-aligned with it, by the gap', () => {
    expect(cardPosition(name(200, 100), CARD, VIEWPORT)).toEqual({ x: 200, y: 100 + 20 + GAP_PX, maxHeight: MAX_HEIGHT_PX, side: 'below' });
  });

  test('right-aligned with the name on a right-to-left page', () => {
    expect(cardPosition(name(600, 100), CARD, VIEWPORT, { rtl: true }).x).toBe(600 + 80 - CARD.width);
  });

  test('above the name when it does not fit below, never over the name', () => {
    const p = cardPosition(name(200, 700), CARD, VIEWPORT);
    expect(p.side).toBe('above');
    expect(p.y + CARD.height).toBe(700 - GAP_PX);
    expect(p.maxHeight).toBe(MAX_HEIGHT_PX);
  });

  test('shifted inside the right and left edges', () => {
    expect(cardPosition(name(1200, 100), CARD, VIEWPORT).x).toBe(VIEWPORT.width - EDGE_PX - CARD.width);
    expect(cardPosition(name(-40, 100), CARD, VIEWPORT).x).toBe(EDGE_PX);
    expect(cardPosition(name(100, 100), CARD, VIEWPORT, { rtl: true }).x).toBe(EDGE_PX);
  });

  test('a card taller than the room on both sides goes where there is more room, shortened to fit', () => {
    const short = { width: 1280, height: 500 };
    const tall = { width: 340, height: 600 };
    const nearTop = cardPosition(name(200, 150), tall, short);
    expect(nearTop.side).toBe('below');
    expect(nearTop.maxHeight).toBe(500 - EDGE_PX - (150 + 20 + GAP_PX));
    const nearBottom = cardPosition(name(200, 330), tall, short);
    expect(nearBottom.side).toBe('above');
    expect(nearBottom.maxHeight).toBe(330 - GAP_PX - EDGE_PX);
    expect(nearBottom.y).toBe(330 - GAP_PX - nearBottom.maxHeight);
    expect(nearBottom.y).toBeGreaterThanOrEqual(EDGE_PX);
  });

  test('never shorter than the minimum, never taller than the maximum', () => {
    const tiny = { width: 1280, height: 200 };
    expect(cardPosition(name(200, 90), { width: 340, height: 600 }, tiny).maxHeight).toBe(MIN_HEIGHT_PX);
    expect(cardPosition(name(200, 10), { width: 340, height: 900 }, VIEWPORT).maxHeight).toBe(MAX_HEIGHT_PX);
  });

  test('a short card stays its own height: placed above, it sits right over the name', () => {
    const p = cardPosition(name(200, 760), { width: 340, height: 150 }, VIEWPORT);
    expect(p).toMatchObject({ side: 'above', y: 760 - GAP_PX - 150 });
  });

  test('a name outside the viewport (a selection scrolled away) still gets a card inside it', () => {
    const below = cardPosition(name(200, 950), { width: 340, height: 150 }, VIEWPORT);
    expect(below.y).toBe(VIEWPORT.height - EDGE_PX - 150);
    const above = cardPosition(name(200, -300), { width: 340, height: 150 }, VIEWPORT);
    expect(above.y).toBe(EDGE_PX);
  });
});
