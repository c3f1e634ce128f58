/**
 * Counts the content script's work in progress (start-up, settings changes, scans, mutation
 * batches) so its status can say "idle" only when everything asked of it is done, and how many
 * times it has settled: the positive signal a test waits for before checking an absence.
 */
/**
 * How long a page stays quiet (no scan, no batch of changes, no settings change) before it lets the index go
 * (ADR 0002 decision 11). A change after that reads the index again first (a few ms, as at start-up).
 */
export const RELEASE_AFTER_MS = 20_000;

export type Phase = 'starting' | 'working' | 'idle';

export class WorkTracker {
  private busy = 0;
  private started = false;
  /** How many times work went from busy to idle. */
  settled = 0;

  constructor(private readonly onSettled: () => void = () => {}) {}

  /** Start-up is over (settings read, listeners registered): the phase is no longer 'starting'. */
  start(): void {
    this.started = true;
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await work();
    } finally {
      if (--this.busy === 0) {
        this.settled++;
        this.onSettled();
      }
    }
  }

  /** `waiting`: work queued but not yet begun (a mutation batch, marks still to add per frame). */
  phase(waiting: boolean): Phase {
    if (!this.started) return 'starting';
    return this.busy > 0 || waiting ? 'working' : 'idle';
  }
}
