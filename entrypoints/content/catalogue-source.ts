/**
 * The page's catalogue (term index + the reader's glossary): read from the package when a scan needs it,
 * decoded in place (ADR 0002), forgotten when the glossary changes, and let go when the page has been quiet
 * for a while (`release`; decision 11). Records the start-up timings.
 */
import { loadCatalogue, restingView, viewOf, type Catalogue, type CatalogueView } from '../../utils/catalogue';
import { GLOSSARY_KEY, readStored } from './stored';
import { type CompiledIndex } from '../../utils/match/compiled';
import { browser } from 'wxt/browser';
import { decodeIndexFile, INDEX_FILE } from '../../utils/match/index-file';
import { recordTiming } from '../../utils/page/timings';

export class CatalogueSource {
  current: Catalogue | null = null;
  private loading: Promise<Catalogue | null> | null = null;
  private loadedView: { of: Catalogue; view: CatalogueView } | null = null;
  /** What was kept of a released catalogue: the entities of the page's mentions. */
  private resting: CatalogueView | null = null;
  private loads = 0;

  /** `started`: when the content script started (performance.now()), for the start-up timing. */
  constructor(private readonly started: number) {}

  async ensure(): Promise<Catalogue | null> {
    if (this.current) return this.current;
    this.current = await (this.loading ??= this.load());
    // Read again after a release: the loaded catalogue answers from now on (view() never sees neither).
    if (this.current) this.resting = null;
    return this.current;
  }

  /** What marks, hover and cards read: the loaded catalogue, else what was kept when it was released, else null. */
  view(): CatalogueView | null {
    const c = this.current;
    if (!c) return this.resting;
    if (this.loadedView?.of !== c) this.loadedView = { of: c, view: viewOf(c) };
    return this.loadedView.view;
  }

  /**
   * Let the index go (3.4 MB of tables a page holds for nothing once it is marked and quiet), keeping the
   * entities `keep` names (those of every mention the page holds) so marks, hover, cards and the status work
   * on. The next ensure() reads the index again. False when no index is held.
   */
  release(keep: Iterable<number>): boolean {
    if (!this.current) return false;
    this.resting = restingView(this.view()!, keep);
    this.current = null;
    this.loading = null;
    this.loadedView = null;
    return true;
  }

  /** The glossary changed: the next ensure() builds the catalogue again. */
  forget(): void {
    this.current = null;
    this.loading = null;
    this.loadedView = null;
    this.resting = null;
  }

  private async load(): Promise<Catalogue | null> {
    try {
      const first = this.loads++ === 0;
      const asked = performance.now();
      const [index, stored] = await Promise.all([receiveIndex(), readStored(GLOSSARY_KEY)]);
      const arrived = performance.now();
      recordTiming(first ? 'transfer' : 'reload-transfer', asked, arrived);
      const catalogue = await loadCatalogue(index, stored);
      recordTiming(first ? 'matcher' : 'reload-matcher', arrived);
      if (first) recordTiming('ready', this.started);
      return catalogue;
    } catch {
      return null; // extension reloaded or updated under us: this content script is retired
    }
  }
}

/**
 * The compiled index, read from the extension's own package (ADR 0002): the browser loads the file off the
 * main thread and hands over its bytes, which the page views in place. No message (Chromium copied a 1.6 MB
 * reply as JSON at every hop), nothing to parse but a small head, nothing from the network.
 */
async function receiveIndex(): Promise<CompiledIndex> {
  const start = performance.now();
  // A missing file (a retired script of an updated extension) rejects, as a fetch of a missing extension file does.
  // Through a Blob: Chromium then hands the body over whole, where reading it as an ArrayBuffer pulled 3 MB through
  // the data pipe in chunks on the page's main thread (25 ms of tasks against 7 ms, in a trace of five loads) and
  // left each of 20 tabs 4 MB heavier (15.7 against 11.7 MB over a disabled Backstory).
  const url = (browser.runtime.getURL as (path: string) => string)(`/${INDEX_FILE}`);
  const bytes = await fetch(url)
    .then((r) => r.blob())
    .then((b) => b.arrayBuffer());
  recordTiming('index-file', start);
  return decodeIndexFile(bytes);
}
