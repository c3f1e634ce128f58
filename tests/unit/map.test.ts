import { describe, expect, test } from 'vitest';
import { locatorMap, MAP_SIZE } from '../../utils/map/locator';

describe('locator map', () => {
  test('draws a country as SVG paths inside the map square', () => {
    const m = locatorMap('643')!; // Russia
    expect(m.size).toBe(MAP_SIZE);
    expect(m.focus).toMatch(/^M[\d.-]+,[\d.-]+/);
    const nums = m.focus.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(Math.min(...nums)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...nums)).toBeLessThanOrEqual(MAP_SIZE + 1);
    expect(m.land.length).toBeGreaterThan(m.focus.length);
  });
  test('a small country is zoomed in rather than a dot', () => {
    const tw = locatorMap('158')!; // Taiwan
    const nums = tw.focus.match(/-?\d+(\.\d+)?/g)!.map(Number);
    const xs = nums.filter((_, i) => i % 2 === 0);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(3);
  });
  test('no map where the data has no shape', () => {
    expect(locatorMap('999')).toBeNull();
  });
});
