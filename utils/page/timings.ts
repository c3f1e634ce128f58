/**
 * The content script's own timings (start-up, scans, cards), kept in a small list the `timings`
 * message returns, and mirrored as User Timing measures so a profiler's timeline shows them too.
 * The list is read back by message because a page cannot see a content script's measures in every
 * browser (a Firefox content script's entries live in its own compartment's view).
 */
export type Timing = { name: string; start: number; duration: number };

const MAX = 200;
const list: Timing[] = [];

/** Record `name` from `start` to now (or `end`); returns the duration. */
export function recordTiming(name: string, start: number, end = performance.now()): number {
  const t = { name, start, duration: end - start };
  if (list.length >= MAX) list.shift();
  list.push(t);
  try {
    performance.measure(`backstory:${name}`, { start, end });
  } catch {
    // A page that replaced performance.measure: the list still has it.
  }
  return t.duration;
}

export function timings(): Timing[] {
  return list.map((t) => ({ ...t }));
}

/**
 * Resolves with the time just after the next frame has been painted: a message posted from the
 * frame's animation-frame callback runs once that frame's rendering (style, layout, paint) is done.
 */
export function afterNextPaint(win: Window): Promise<number> {
  return new Promise((resolve) => {
    win.requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    });
  });
}
