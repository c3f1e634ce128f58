/**
 * Cooperative chunking: run work in slices of a few milliseconds and yield to
 * the event loop between them, so no task on the page's main thread grows long.
 */
export const SLICE_MS = 8;

export type Yielder = () => Promise<void>;

/** Yield to the event loop: scheduler.yield() where it exists, else a macrotask. */
export const yieldToPage: Yielder = () => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

/** Wait until the page is idle (requestIdleCallback, at most `timeout` ms), else a macrotask where it is missing. */
export function whenIdle(timeout = 1000): Promise<void> {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback;
  return new Promise((resolve) => (ric ? ric(() => resolve(), { timeout }) : setTimeout(resolve, 0)));
}

/**
 * Drain an iterator, calling `each` per item, yielding whenever a slice is used up.
 * `isCancelled` lets a newer scan stop an older one between slices.
 */
export async function runChunked<T>(
  items: Iterator<T>,
  each: (item: T) => void,
  opts: { isCancelled?: () => boolean; yielder?: Yielder; now?: () => number; sliceMs?: number } = {},
): Promise<boolean> {
  const now = opts.now ?? (() => performance.now());
  const yielder = opts.yielder ?? yieldToPage;
  const slice = opts.sliceMs ?? SLICE_MS;
  let deadline = now() + slice;
  for (;;) {
    if (opts.isCancelled?.()) return false;
    const next = items.next();
    if (next.done) return true;
    each(next.value);
    if (now() >= deadline) {
      await yielder();
      deadline = now() + slice;
    }
  }
}
