import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_DWELL_MS, GRACE_MS, HoverIntent, SETTLE_MS } from '../../utils/hover-intent';

function machine(delay = DEFAULT_DWELL_MS) {
  const log: string[] = [];
  const intent = new HoverIntent<string>(
    {
      onDwell: (t) => log.push(`dwell ${t}`),
      onShow: (t, how) => log.push(`show ${t}${how.pinned ? ' pinned' : ''}`),
      onHide: () => log.push('hide'),
    },
    { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    delay,
  );
  return { intent, log };
}

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('shows after the dwell delay, not before', () => {
    const { intent, log } = machine();
    intent.over('xi');
    expect(intent.state).toBe('dwelling');
    vi.advanceTimersByTime(DEFAULT_DWELL_MS - 1);
    expect(log).toEqual(['dwell xi']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['dwell xi', 'show xi']);
    expect(intent.state).toBe('shown');
  });

  test('leaving before the dwell ends shows nothing, and the stale timer does nothing', () => {
    const { intent, log } = machine();
    intent.over('xi');
    vi.advanceTimersByTime(200);
    intent.out();
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['dwell xi']);
    expect(intent.state).toBe('idle');
  });

  test('a fast pointer starts no dwell, but one that stops on a name does after settling', () => {
    const { intent, log } = machine();
    intent.over('xi', 2);
    expect(intent.state).toBe('idle');
    intent.over('putin', 3);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(log).toEqual(['dwell putin']);
    vi.advanceTimersByTime(DEFAULT_DWELL_MS);
    expect(log).toEqual(['dwell putin', 'show putin']);
  });

  test('a fast pointer that moves on off the names cancels the settle check', () => {
    const { intent, log } = machine();
    intent.over('xi', 2);
    intent.out();
    vi.advanceTimersByTime(2000);
    expect(log).toEqual([]);
  });

  test('grace: leaving the name hides after 300 ms unless the pointer reaches the card', () => {
    const { intent, log } = machine(0);
    intent.over('xi');
    vi.advanceTimersByTime(0);
    intent.out();
    expect(intent.state).toBe('grace');
    vi.advanceTimersByTime(GRACE_MS - 1);
    intent.enterCard();
    vi.advanceTimersByTime(5000);
    expect(intent.state).toBe('shown');
    expect(log).not.toContain('hide');
    intent.leaveCard();
    vi.advanceTimersByTime(GRACE_MS);
    expect(log.at(-1)).toBe('hide');
    expect(intent.state).toBe('idle');
  });

  test('no auto-timeout while the pointer is on the card', () => {
    const { intent, log } = machine(0);
    intent.over('xi');
    vi.advanceTimersByTime(0);
    intent.enterCard();
    intent.out();
    vi.advanceTimersByTime(60_000);
    expect(intent.state).toBe('shown');
    expect(log).not.toContain('hide');
  });

  test('click pins: hover elsewhere and leaving do not hide it; close does', () => {
    const { intent, log } = machine();
    intent.pin('xi');
    expect(log).toEqual(['show xi pinned']);
    intent.out();
    intent.over('putin');
    vi.advanceTimersByTime(5000);
    expect(intent.state).toBe('shown');
    intent.close();
    expect(log.at(-1)).toBe('hide');
    expect(intent.state).toBe('idle');
  });

  test('returning to the same name during grace keeps the card', () => {
    const { intent, log } = machine(0);
    intent.over('xi');
    vi.advanceTimersByTime(0);
    intent.out();
    vi.advanceTimersByTime(100);
    intent.over('xi');
    vi.advanceTimersByTime(1000);
    expect(intent.state).toBe('shown');
    expect(log.filter((l) => l === 'show xi')).toHaveLength(1);
  });

  test('the delay follows settings and is clamped to 0–1000 ms', () => {
    const high = machine();
    high.intent.setDelay(5000);
    high.intent.over('xi');
    vi.advanceTimersByTime(999);
    expect(high.log).not.toContain('show xi');
    vi.advanceTimersByTime(1);
    expect(high.log).toContain('show xi');

    const low = machine();
    low.intent.setDelay(-200);
    low.intent.over('putin');
    vi.advanceTimersByTime(0);
    expect(low.log).toContain('show putin');

    const inside = machine();
    inside.intent.setDelay(250);
    inside.intent.over('kremlin');
    vi.advanceTimersByTime(249);
    expect(inside.log).not.toContain('show kremlin');
    vi.advanceTimersByTime(1);
    expect(inside.log).toContain('show kremlin');
  });
});

describe('safe path', () => {
  test('points between the name and the card are on it; points off to the side are not', async () => {
    const { onSafePath } = await import('../../utils/geometry');
    const from = { x: 100, y: 100 };
    const card = { left: 80, top: 120, right: 420, bottom: 380 };
    expect(onSafePath({ x: 200, y: 115 }, from, card)).toBe(true);
    expect(onSafePath({ x: 101, y: 105 }, from, card)).toBe(true);
    expect(onSafePath({ x: 300, y: 102 }, from, card)).toBe(false);
    expect(onSafePath({ x: 20, y: 110 }, from, card)).toBe(false);
    // A card above the name (flipped).
    expect(onSafePath({ x: 110, y: 60 }, { x: 100, y: 80 }, { left: 60, top: 0, right: 400, bottom: 50 })).toBe(true);
  });

  test('keepGrace restarts the grace period while the pointer travels to the card', () => {
    vi.useFakeTimers();
    const { intent, log } = machine(0);
    intent.over('xi');
    vi.advanceTimersByTime(0);
    intent.out();
    vi.advanceTimersByTime(GRACE_MS - 50);
    intent.keepGrace();
    vi.advanceTimersByTime(GRACE_MS - 50);
    expect(intent.state).toBe('grace');
    vi.advanceTimersByTime(100);
    expect(log.at(-1)).toBe('hide');
    vi.useRealTimers();
  });
});
