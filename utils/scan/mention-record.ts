/**
 * A mention on the page: its block, offsets and text nodes, found at scan time, and its live Range made
 * on first use.
 */
import { locate, nodeLength, type Block } from '../dom/walk';

export type MentionRecord = {
  entity: number;
  alias: number;
  /** The mention's live Range, made on first use (most mentions are never marked or hovered). */
  readonly range: Range;
  /** The text as it stood on the page. */
  text: string;
  /** Order of discovery. */
  seq: number;
  /** Reading order: the block's place in the walk (later scans come after), then the offset in the block. */
  block: number;
  start: number;
  /** Text nodes the mention spans. */
  nodes: Text[];
};

/**
 * A mention: where it is (its boundary points, found now) and its Range, created on first use.
 * In first-mention mode most mentions are never marked, and each live Range is work for the
 * browser on every change to its text; where one is needed (marking, hovering, the keyboard)
 * it is made from the points found at scan time. A change to the text rescans its block and
 * replaces its records; one read before that rescan gets a collapsed range rather than an error.
 */
export class Record implements MentionRecord {
  readonly text: string;
  private readonly startNode: Text;
  private readonly startOffset: number;
  private readonly endNode: Text;
  private readonly endOffset: number;
  private made: Range | null = null;

  constructor(
    source: Block,
    readonly start: number,
    end: number,
    readonly entity: number,
    readonly alias: number,
    readonly seq: number,
    readonly block: number,
    readonly nodes: Text[],
  ) {
    this.text = source.text.slice(start, end);
    const a = locate(source, start, true);
    const b = locate(source, end, false);
    this.startNode = a.node;
    this.startOffset = a.offset;
    this.endNode = b.node;
    this.endOffset = b.offset;
  }

  get range(): Range {
    if (this.made) return this.made;
    const range = this.startNode.ownerDocument.createRange();
    try {
      range.setStart(this.startNode, this.startOffset);
      range.setEnd(this.endNode, this.endOffset);
    } catch {
      range.collapse(true); // the text changed under us; its rescan is on its way
    }
    return (this.made = range);
  }
}

export function nodesOf(block: Block, start: number, end: number): Text[] {
  const { starts, nodes } = block;
  // First node that ends after `start` (binary search: blocks can hold thousands of nodes).
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] + nodeLength(block, mid) > start) hi = mid;
    else lo = mid + 1;
  }
  const out: Text[] = [];
  for (let i = lo; i < nodes.length && starts[i] < end; i++) if (starts[i] + nodeLength(block, i) > start) out.push(nodes[i]);
  return out;
}
