/**
 * How a page's blocks are cut into units of matching work: small blocks batched into one text (joined
 * by a separator no alias can cross), enormous ones split into overlapping windows.
 */
import type { Block } from '../dom/walk';

/** Text larger than this is matched in windows so one enormous text node cannot make a long task. */
export const WINDOW = 32_768;
/** Longest alias we need to see whole across a window edge. */
export const OVERLAP = 200;
/** Characters of small blocks matched in one call. */
export const BATCH = 16_384;

export type BlockWindow = { block: Block; from: number; to: number };
/** A unit of work: consecutive small blocks matched as one text, or one window of an enormous block. */
export type Unit = { blocks: Block[]; window?: undefined } | { blocks?: undefined; window: BlockWindow };

/**
 * Group small blocks into batches of about BATCH characters, matched in one call (one loop that
 * the JIT optimises early instead of hundreds of short calls run cold); split enormous blocks into
 * windows of at most WINDOW characters (plus the overlap).
 */
export function* units(blocks: Iterable<Block>): Generator<Unit> {
  let batch: Block[] = [];
  let size = 0;
  for (const block of blocks) {
    const n = block.text.length;
    if (n <= WINDOW) {
      batch.push(block);
      size += n + 1;
      if (size >= BATCH) {
        yield { blocks: batch };
        batch = [];
        size = 0;
      }
      continue;
    }
    if (batch.length > 0) yield { blocks: batch };
    batch = [];
    size = 0;
    for (let from = 0; from < n; from += WINDOW) yield { window: { block, from, to: Math.min(n, from + WINDOW + OVERLAP) } };
  }
  if (batch.length > 0) yield { blocks: batch };
}

/**
 * Joins the blocks of a batch: U+FFFF, a noncharacter. No alias contains it and it is neither a
 * word character nor ignorable, so a walk stops there and both sides see a boundary: the same
 * matches as block by block. Parsed at run time: Chromium refuses to load a script file holding a
 * noncharacter ("isn't UTF-8 encoded"), and the minifier writes a literal or String.fromCharCode
 * as the character itself.
 */
export const SEPARATOR: string = JSON.parse('"\\uffff"');
