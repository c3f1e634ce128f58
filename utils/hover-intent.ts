/**
 * Hover intent as an explicit state machine: idle → dwelling → shown → grace → idle.
 * Every timer carries a token; a timer whose token is stale does nothing, so
 * fast pointer movement can never show a card for a name already left behind.
 * Pure: timers are injected, and tests drive it with fake timers.
 */

/** Default dwell before a card shows. Page Previews uses 500 ms; NN/g suggests 300–500 ms. */
export const DEFAULT_DWELL_MS = 400;
/** Time to travel from the name into the card before it hides (Page Previews ABANDON_END_DELAY). */
export const GRACE_MS = 300;
/** A pointer faster than this is passing through, not reading (10ten uses a similar gate). */
export const FAST_PX_PER_MS = 0.5;
/** A pointer that was fast but then stops on a name has settled after this long with no further movement. */
export const SETTLE_MS = 80;

export type IntentState = 'idle' | 'dwelling' | 'shown' | 'grace';

export type Timers = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type IntentCallbacks<T> = {
  /** A dwell started: a good moment to fetch the card so it paints at once when shown. */
  onDwell?(target: T): void;
  onShow(target: T, how: { pinned: boolean }): void;
  onHide(): void;
};

export class HoverIntent<T> {
  state: IntentState = 'idle';
  /** The target being dwelt on or shown. */
  target: T | null = null;
  pinned = false;
  private inCard = false;
  private token = 0;
  private timer: unknown = null;
  private settleToken = 0;
  private settleTimer: unknown = null;

  constructor(
    private readonly callbacks: IntentCallbacks<T>,
    private readonly timers: Timers,
    private delay = DEFAULT_DWELL_MS,
    private readonly same: (a: T, b: T) => boolean = Object.is,
  ) {}

  setDelay(ms: number): void {
    this.delay = Math.max(0, Math.min(1000, ms));
  }

  /** The pointer is over a target, moving at `speed` px/ms. */
  over(target: T, speed = 0): void {
    const current = this.target !== null && this.same(this.target, target);
    if (current && (this.state === 'shown' || this.state === 'grace')) {
      this.enter('shown');
      return;
    }
    if (current && this.state === 'dwelling') return;
    if (this.pinned) return; // a pinned card stays until closed or another click
    if (speed > FAST_PX_PER_MS) {
      // Passing through: forget a dwell in progress, but leave a shown card alone.
      if (this.state === 'dwelling') this.reset();
      // If the pointer stops here, that is intent after all: check again once it has settled.
      this.settleToken++;
      const token = this.settleToken;
      if (this.settleTimer !== null) this.timers.clearTimeout(this.settleTimer);
      this.settleTimer = this.timers.setTimeout(() => {
        if (token === this.settleToken) this.over(target, 0);
      }, SETTLE_MS);
      return;
    }
    this.settleToken++;
    this.target = target;
    this.enter('dwelling');
    this.callbacks.onDwell?.(target);
    this.schedule(this.delay, () => this.show(false));
  }

  /** The pointer is on no target. */
  out(): void {
    this.settleToken++;
    if (this.state === 'dwelling') this.reset();
    else if (this.state === 'shown' && !this.inCard && !this.pinned) this.startGrace();
  }

  /** The pointer is on its way to the card (safe path): restart the grace period. */
  keepGrace(): void {
    if (this.state === 'grace') this.startGrace();
  }

  enterCard(): void {
    this.inCard = true;
    if (this.state === 'grace') this.enter('shown');
  }

  leaveCard(): void {
    this.inCard = false;
    if (this.state === 'shown' && !this.pinned) this.startGrace();
  }

  /** Click, tap or keyboard: show at once and keep it until closed. */
  pin(target: T): void {
    this.target = target;
    this.pinned = true;
    this.show(true);
  }

  /** Esc, or a click outside. */
  close(): void {
    const wasVisible = this.state === 'shown' || this.state === 'grace';
    this.reset();
    if (wasVisible) this.callbacks.onHide();
  }

  private show(pinned: boolean): void {
    if (this.target === null) return;
    this.enter('shown');
    this.callbacks.onShow(this.target, { pinned });
  }

  private startGrace(): void {
    this.enter('grace');
    this.schedule(GRACE_MS, () => this.close());
  }

  private reset(): void {
    this.enter('idle');
    this.target = null;
    this.pinned = false;
    this.inCard = false;
  }

  /** Change state; any pending timer becomes stale. */
  private enter(state: IntentState): void {
    this.state = state;
    this.token++;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number, fn: () => void): void {
    const token = this.token;
    this.timer = this.timers.setTimeout(() => {
      if (token === this.token) fn();
    }, ms);
  }
}
