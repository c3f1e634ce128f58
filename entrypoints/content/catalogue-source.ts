/**
 * The page's catalogue (term index + the reader's glossary): read from the package once per page,
 * decoded in place (ADR 0002), forgotten when the glossary changes. Records the start-up timings.
 */
import { loadCatalogue, type Catalogue } from '../../utils/catalogue';
import { glossaryItem } from '../../utils/glossary-store';
import { type CompiledIndex } from '../../utils/match/compiled';
import { browser } from 'wxt/browser';
import { decodeIndexFile, INDEX_FILE } from '../../utils/match/index-file';
import { recordTiming } from '../../utils/page/timings';

export class CatalogueSource {
  current: Catalogue | null = null;
  private loading: Promise<Catalogue | null> | null = null;

  /** `started`: when the content script started (performance.now()), for the start-up timing. */
  constructor(private readonly started: number) {}

  async ensure(): Promise<Catalogue | null> {
    return (this.current ??= await (this.loading ??= this.load()));
  }

  /** The glossary changed: the next ensure() builds the catalogue again. */
  forget(): void {
    this.current = null;
    this.loading = null;
  }

  private async load(): Promise<Catalogue | null> {
    try {
      const asked = performance.now();
      const [index, stored] = await Promise.all([receiveIndex(), glossaryItem.getValue()]);
      const arrived = performance.now();
      recordTiming('transfer', asked, arrived);
      const catalogue = await loadCatalogue(index, stored);
      recordTiming('matcher', arrived);
      recordTiming('ready', this.started);
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
