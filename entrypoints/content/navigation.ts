/**
 * The keyboard path and "explain": move to the next or previous marked name, jump to an entity
 * from the popup, or open the card of a selected name (or say it is unknown).
 */
import { longestHit, stepIndex } from '../../utils/page/mention-view';
import type { MentionRecord } from '../../utils/scan/page-scan';
import type { PageSession } from './session';

export class Navigation {
  /** Where keyboard navigation stands. */
  private cursor: MentionRecord | null = null;

  constructor(
    private readonly session: PageSession,
    private readonly doc: Document,
    private readonly ensureCatalogue: () => Promise<unknown>,
  ) {}

  /**
   * Next or previous marked name (the marks the reader sees, in reading order; every mention when
   * nothing is marked): scroll it into view, draw the focus mark, open its card with focus inside.
   */
  step(step: 1 | -1): boolean {
    const list = this.session.marks.marked.length > 0 ? this.session.marks.marked : this.session.marks.visible();
    const next = stepIndex(this.cursor === null ? -1 : list.indexOf(this.cursor), step, list.length);
    if (next < 0) return false;
    this.focus(list[next]);
    return true;
  }

  /** Scroll to the first mention of an entity and open its card. */
  jumpTo(id: string): boolean {
    const record = this.session.marks.visible().find((r) => this.session.cards.entityId(r) === id);
    if (!record) return false;
    this.focus(record);
    return true;
  }

  private focus(record: MentionRecord): void {
    this.cursor = record;
    record.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.session.marks.highlighter.focus(record.range);
    this.session.cards.pin(record, record.range.getClientRects()[0] ?? record.range.getBoundingClientRect());
  }

  /** "Explain with Backstory" on a selection: the card of the longest name it holds, whatever the page's settings. */
  async explain(text: string): Promise<boolean> {
    const sel = this.doc.getSelection();
    const range = sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
    const anchor = range?.getClientRects()[0] ?? range?.getBoundingClientRect() ?? { left: 20, top: 20, right: 20, bottom: 20, width: 0, height: 0 };
    await this.ensureCatalogue();
    const matcher = this.session.catalogues.current?.matcher;
    const trimmed = text.trim();
    const best = longestHit(matcher?.find(trimmed) ?? []);
    if (!best || !matcher) {
      await this.session.cards.showUnknown(trimmed, anchor);
      return false;
    }
    this.session.cards.intent.close();
    const entity = matcher.rules.entityOf(best.aliases[0]);
    const record = {
      entity,
      alias: best.aliases[0],
      range: range ?? this.doc.createRange(),
      text: trimmed.slice(best.start, best.end),
      seq: -1,
      block: -1,
      start: 0,
      nodes: [],
    };
    this.session.cards.pin(record, anchor);
    return true;
  }
}
