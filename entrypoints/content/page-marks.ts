/**
 * What the reader sees marked: the mentions that count under the category filter, the ones the mark
 * mode keeps (first mention, every mention…), drawn as highlights; and the entities found.
 *
 * The view (visible mentions, entities found) is computed once per drawing and kept until the next:
 * the status, the badge, the prefetch and the keyboard all read it, and on a 2 MB page computing it
 * (sorting tens of thousands of mentions) for each of them made long tasks.
 */
import type { CatalogueView } from '../../utils/catalogue';
import { Highlighter } from '../../utils/dom/highlight';
import type { FoundEntity } from '../../utils/messages';
import { foundEntities, markedMentions, visibleMentions } from '../../utils/page/mention-view';
import type { MentionRecord, PageScan } from '../../utils/scan/page-scan';
import type { Settings } from '../../utils/settings';

export type MarksSource = {
  scan(): PageScan | null;
  catalogue(): CatalogueView | null;
  settings(): Settings;
};

type View = { visible: MentionRecord[]; found: FoundEntity[] | null };

export class PageMarks {
  marked: MentionRecord[] = [];
  readonly highlighter = new Highlighter();
  private view: View | null = null;

  constructor(private readonly source: MarksSource) {}

  /** Mentions that count under the current category filter, in reading order (as of the last drawing). */
  visible(): MentionRecord[] {
    return this.current().visible;
  }

  /** Mark what the settings keep; the highlights follow. Reads the scan afresh. */
  draw(): void {
    this.view = null;
    const settings = this.source.settings();
    this.marked = markedMentions(this.visible(), settings.mark);
    this.highlighter.mark(this.marked, settings.style);
  }

  found(): FoundEntity[] {
    const view = this.current();
    const catalogue = this.source.catalogue();
    if (!catalogue) return [];
    return (view.found ??= foundEntities(view.visible, (i) => catalogue.entity(i)));
  }

  clear(): void {
    this.view = null;
    this.marked = [];
    this.highlighter.clear();
  }

  private current(): View {
    if (this.view) return this.view;
    const scan = this.source.scan();
    const catalogue = this.source.catalogue();
    const visible = scan && catalogue ? visibleMentions(scan.ordered(), (i) => catalogue.entityType(i), this.source.settings().categories) : [];
    const view: View = { visible, found: null };
    // Nothing scanned yet is not worth keeping: the next call looks again.
    if (visible.length > 0) this.view = view;
    return view;
  }
}
