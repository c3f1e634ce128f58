import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { changedRoots, MutationBatcher } from '../../utils/dom/mutation-batcher';
import { WorkTracker } from '../../utils/page/work-tracker';

const timers = { setTimeout: (fn: () => void, ms: number) => Number(setTimeout(fn, ms)), clearTimeout: (id: number) => clearTimeout(id) };

describe('mutation batches', () => {
  beforeEach(() => {
    document.body.innerHTML = '<article id="a"><p id="p1">Putin <b id="b">met</b> Xi</p><p id="p2">NATO</p></article><textarea id="t"></textarea>';
  });
  afterEach(() => vi.useRealTimers());

  test('changed nodes become their nearest blocks, outermost only; removed and skipped nodes drop out', () => {
    const b = document.getElementById('b')!;
    const p1 = document.getElementById('p1')!;
    const a = document.getElementById('a')!;
    expect(changedRoots([b.firstChild!, p1], document.body)).toEqual([p1]);
    expect(changedRoots([b, a], document.body)).toEqual([a]);
    const gone = document.createElement('p');
    expect(changedRoots([gone, document.getElementById('t')!], document.body)).toEqual([]);
  });

  test('a burst of changes is one batch after the delay; disconnect drops a waiting batch', async () => {
    const batches: Node[][] = [];
    const batcher = new MutationBatcher(document.body, (roots) => batches.push(roots), timers, 20);
    batcher.observe(document.body);
    document.getElementById('p1')!.append(' and Modi');
    document.getElementById('p2')!.append(' and the EU');
    await new Promise((r) => setTimeout(r, 0)); // let the observer deliver
    expect(batcher.waiting).toBe(true);
    await new Promise((r) => setTimeout(r, 40));
    expect(batches.map((b) => b.map((n) => (n as Element).id))).toEqual([['p1', 'p2']]);
    expect(batcher.waiting).toBe(false);
    document.getElementById('p2')!.append('!');
    await new Promise((r) => setTimeout(r, 0));
    batcher.disconnect();
    await new Promise((r) => setTimeout(r, 40));
    expect(batches).toHaveLength(1);
  });
});

describe('the work tracker', () => {
  test("is 'starting' until started, 'working' while work or a wait is pending, then 'idle' and counts each settle", async () => {
    let settles = 0;
    const w = new WorkTracker(() => settles++);
    expect(w.phase(false)).toBe('starting');
    w.start();
    let release!: () => void;
    const job = w.track(() => new Promise<void>((r) => (release = r)));
    const nested = w.track(async () => 1);
    expect(w.phase(false)).toBe('working');
    await nested;
    expect(w.settled).toBe(0); // the outer job still runs
    release();
    await job;
    expect(w.phase(false)).toBe('idle');
    expect(w.phase(true)).toBe('working');
    expect([w.settled, settles]).toEqual([1, 1]);
    await expect(w.track(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(w.settled).toBe(2);
  });
});
