/**
 * Gathers page mutations for a short while, then hands the outermost changed blocks to a
 * rescan, so a burst of changes costs one pass. Never sees Backstory's own card host: it lives
 * outside <body>, and the walker skips it.
 */
import { isInSkippedSubtree, nearestBlockElement } from './walk';

/** Mutations are gathered for this long before a rescan. */
export const MUTATION_BATCH_MS = 120;
const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };

type Timers = { setTimeout(fn: () => void, ms: number): number; clearTimeout(id: number): void };

/** The blocks to rescan for a set of changed nodes: each one's nearest block, outermost only. */
export function changedRoots(targets: Iterable<Node>, body: Node): Node[] {
  const roots = new Set<Node>();
  for (const t of targets) {
    const top = t.getRootNode();
    if (!t.isConnected || isInSkippedSubtree(t, top)) continue;
    roots.add(nearestBlockElement(t) ?? (top instanceof ShadowRoot ? top : body));
  }
  // A rescan of a parent covers its children.
  return [...roots].filter((r) => ![...roots].some((o) => o !== r && o.contains(r)));
}

export class MutationBatcher {
  private observer: MutationObserver | null = null;
  private readonly pending = new Set<Node>();
  private timer: number | null = null;

  constructor(
    private readonly body: Node,
    private readonly onBatch: (roots: Node[]) => void,
    private readonly timers: Timers,
    private readonly delay = MUTATION_BATCH_MS,
  ) {}

  /** Start watching `target` (the body, then each open shadow root found). */
  observe(target: Node): void {
    this.observer ??= new MutationObserver((list) => {
      for (const m of list) this.pending.add(m.target);
      if (this.timer === null) this.timer = this.timers.setTimeout(() => this.flush(), this.delay);
    });
    this.observer.observe(target, OBSERVE);
  }

  get observing(): boolean {
    return this.observer !== null;
  }

  /** A batch is waiting for its timer. */
  get waiting(): boolean {
    return this.timer !== null;
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private flush(): void {
    this.timer = null;
    const targets = [...this.pending];
    this.pending.clear();
    this.onBatch(changedRoots(targets, this.body));
  }
}
