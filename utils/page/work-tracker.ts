/**
 * Counts the content script's work in progress (start-up, settings changes, scans, mutation
 * batches) so its status can say "idle" only when everything asked of it is done, and how many
 * times it has settled: the positive signal a test waits for before checking an absence.
 */
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
