/**
 * Scanning a planned scope: its roots in document order, then the open shadow roots found on the
 * way (comment widgets, embeds), each once; and rescanning what changed inside it.
 */
import type { PlannedScope } from '../../utils/page/scope-plan';
import { rootsToRescan } from '../../utils/page/scope-plan';
import type { PageScan } from '../../utils/scan/page-scan';

export type ScopeScanHooks = {
  /** Whether this run still counts (a newer scan, a teardown or retirement supersedes it). */
  current(): boolean;
  /** A shadow root met for the first time: style it, watch it. */
  adopt(root: ShadowRoot): void;
  /** Whether a shadow root is already known. */
  known(root: ShadowRoot): boolean;
};

/** Scans the whole scope; false when superseded or cut short. */
export async function scanScope(scan: PageScan, scope: PlannedScope, date: string, hooks: ScopeScanHooks): Promise<boolean> {
  const found: ShadowRoot[] = [];
  let done = true;
  for (const root of scope.roots) {
    if (done && hooks.current()) done = await scan.scan(root, { date, onShadowRoot: (r) => found.push(r), exclude: scope.excluded });
  }
  for (let i = 0; done && hooks.current() && i < found.length; i++) {
    hooks.adopt(found[i]);
    done = await scan.scan(found[i], { date, onShadowRoot: (r) => found.push(r) });
  }
  return done && hooks.current();
}

/** Rescans the changed nodes that lie in the scope (or hold part of it); false when nothing was rescanned or it was cut short. */
export async function rescanScope(scan: PageScan, scope: PlannedScope, changed: readonly Node[], hooks: ScopeScanHooks): Promise<boolean> {
  const roots = rootsToRescan(scope, changed);
  if (roots.length === 0) return false;
  const fresh: ShadowRoot[] = [];
  const done = await scan.rescan(roots, {
    exclude: scope.excluded,
    onShadowRoot: (r) => {
      if (!hooks.known(r)) fresh.push(r);
    },
  });
  for (const r of fresh) {
    hooks.adopt(r);
    await scan.rescan([r]);
  }
  return done && hooks.current();
}
