/**
 * What the reader sees marked: the mentions that count under the category filter, the ones the mark
 * mode keeps (first mention, every mention…), drawn as highlights; and the entities found.
 */
import type { Catalogue } from '../../utils/catalogue';
import { Highlighter } from '../../utils/dom/highlight';
import { foundEntities, markedMentions, visibleMentions } from '../../utils/page/mention-view';
import type { MentionRecord, PageScan } from '../../utils/scan/page-scan';
import type { Settings } from '../../utils/settings';

export type MarksSource = {
  scan(): PageScan | null;
  catalogue(): Catalogue | null;
  settings(): Settings;
};

export class PageMarks {
  marked: MentionRecord[] = [];
  readonly highlighter = new Highlighter();

  constructor(private readonly source: MarksSource) {}

  /** Mentions that count under the current category filter, in reading order. */
  visible(): MentionRecord[] {
    const scan = this.source.scan();
    const catalogue = this.source.catalogue();
    if (!scan || !catalogue) return [];
    return visibleMentions(scan.ordered(), catalogue.matcher.index.entities, this.source.settings().categories);
  }

  /** Mark what the settings keep; the highlights follow. */
  draw(): void {
    const settings = this.source.settings();
    this.marked = markedMentions(this.visible(), settings.mark);
    this.highlighter.mark(
      this.marked.map((r) => r.range),
      settings.style,
    );
  }

  found() {
    const catalogue = this.source.catalogue();
    return catalogue ? foundEntities(this.visible(), catalogue.matcher.index.entities) : [];
  }

  clear(): void {
    this.marked = [];
    this.highlighter.clear();
  }
}
