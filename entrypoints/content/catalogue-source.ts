/**
 * The page's catalogue (term index + the reader's glossary): asked of the background once per page,
 * decoded in place (ADR 0002), forgotten when the glossary changes. Records the start-up timings.
 */
import { loadCatalogue, type Catalogue } from '../../utils/catalogue';
import { glossaryItem } from '../../utils/glossary-store';
import { type CompiledIndex } from '../../utils/match/compiled';
import { indexFromMessage } from '../../utils/match/index-file';
import { sendToBackground } from '../../utils/messages';
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
      const catalogue = index ? await loadCatalogue(index, stored) : null;
      recordTiming('matcher', arrived);
      recordTiming('ready', this.started);
      return catalogue;
    } catch {
      return null; // extension reloaded or updated under us: this content script is retired
    }
  }
}

/** The compiled index from the background, decoded: one message (ADR 0002). */
async function receiveIndex(): Promise<CompiledIndex | undefined> {
  const start = performance.now();
  const message = await sendToBackground('index', {});
  recordTiming('index-message', start);
  return message ? indexFromMessage(message) : undefined;
}
