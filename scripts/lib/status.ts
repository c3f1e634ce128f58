/**
 * Ask the content script in a page for its status through an extension page, and wait until it
 * reports idle. Shared by the e2e tests and the benchmark.
 */
import type { PageStatus } from '../../utils/messages';
import type { AnyPage } from './browsers';
import { ExtensionPage } from './extension-page';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The status of the top frame showing `url`, asked from `probe` (an open extension page), or null. */
export function statusOf(probe: AnyPage, url: string): Promise<PageStatus | null> {
  return new ExtensionPage(probe).statusOf(url);
}

/**
 * Wait until the page's content script says it is idle, having settled more than `after` times.
 * A script that never started, or never answers, makes this throw.
 */
export async function waitIdle(probe: AnyPage, page: AnyPage, after = -1, timeout = 20_000): Promise<PageStatus> {
  const url = await page.evaluate(() => location.href, null);
  const end = Date.now() + timeout;
  for (;;) {
    const last = await statusOf(probe, url);
    if (last && last.phase === 'idle' && last.settled > after) return last;
    if (Date.now() > end) {
      const shown = last && { ...last, url: undefined, found: last.found.length };
      throw new Error(`the content script in ${url} never reported idle${after >= 0 ? ` after run ${after}` : ''}; last status: ${JSON.stringify(shown)}`);
    }
    await sleep(50);
  }
}
