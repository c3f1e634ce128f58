/**
 * Walks the text of a subtree once and groups it into blocks: runs of text
 * under the same block-level ancestor, split at <br> and at nested blocks, so
 * "<a>Xi</a> Jinping" is one text but two paragraphs never are.
 * A block maps its offsets back to (Text node, offset) pairs for Ranges.
 */

/** Subtrees whose text is never marked: code, form fields, editable areas, our own card. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
]);

/** Elements that start a new line of text. Tag-based: computing styles for every node would cost a layout. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LI',
  'LEGEND',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'BR',
  'IMG',
]);

export const HOST_TAG = 'BACKSTORY-CARD';

export type Block = {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  starts: number[];
};

/** Whether elements with this (upper-case) tag start a new line of text. */
export const isBlockTag = (tag: string): boolean => BLOCK_TAGS.has(tag);
/** Whether elements with this (upper-case) tag are skipped whatever their attributes. */
export const isSkippedTag = (tag: string): boolean => SKIP_TAGS.has(tag) || tag === HOST_TAG;

export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag) || tag === HOST_TAG) return true;
  if (!el.hasAttributes()) return false; // most elements: no attribute to look up
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden');
}

/** Whether a node sits inside a skipped subtree (for mutation handling, where we start mid-tree). */
export function isInSkippedSubtree(node: Node, root: Node): boolean {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n && n !== root; n = n.parentNode) {
    if (n.nodeType === 1 && isSkippedElement(n as Element)) return true;
  }
  return false;
}

export type WalkOptions = {
  /** Called for every open shadow root met on the way, so the caller can walk it too. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Subtrees to leave out besides the skipped ones (outside the article: menus, lists of other stories…). */
  exclude?: (el: Element) => boolean;
};

/**
 * Yields blocks in document order. A generator, so the caller decides how much
 * to do per task (see utils/dom/scheduler.ts) and long pages never block the thread.
 */
export function* walkBlocks(root: Node, options: WalkOptions = {}): Generator<Block> {
  const doc = root.ownerDocument ?? (root as Document);
  // No filter callback: the browser calling into script for every node cost more than the checks
  // themselves. Skipped subtrees are stepped over here instead.
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  let current: Block | null = null;
  let currentParent: Element | null = null;
  const blockOf = new Map<Node, Element | null>();
  for (let node = walker.nextNode(); node;) {
    if (node.nodeType !== 3) {
      const el = node as Element;
      if (isSkippedElement(el) || options.exclude?.(el)) {
        node = nextOutside(walker, root);
        continue;
      }
      if (el.shadowRoot && options.onShadowRoot) options.onShadowRoot(el.shadowRoot);
      // A block element separates text; an inline one does not.
      if (BLOCK_TAGS.has(el.tagName.toUpperCase())) {
        if (current) yield current;
        current = null;
      }
      node = walker.nextNode();
      continue;
    }
    const text = node as Text;
    // Read once: in Firefox every `.data` read from a content script copies the whole string.
    const data = text.data;
    if (data.length === 0) {
      node = walker.nextNode();
      continue;
    }
    const parent = text.parentNode;
    let block = parent ? blockOf.get(parent) : null;
    if (block === undefined && parent) {
      block = blockAncestor(parent);
      blockOf.set(parent, block);
    }
    if (!current || block !== currentParent) {
      if (current) yield current;
      current = { text: '', nodes: [], starts: [] };
      currentParent = block ?? null;
    }
    current.starts.push(current.text.length);
    current.nodes.push(text);
    current.text += data;
    node = walker.nextNode();
  }
  if (current) yield current;
}

/** The node after the walker's current node and its subtree, moving the walker there; null at the end of `root`. */
function nextOutside(walker: TreeWalker, root: Node): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    const parent = walker.parentNode();
    if (!parent || parent === root) return null;
  }
}

function blockAncestor(node: Node): Element | null {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && BLOCK_TAGS.has((n as Element).tagName.toUpperCase())) return n as Element;
    if (n.nodeType === 11) return null; // shadow root boundary
  }
  return null;
}

/** The nearest block-level element of a node: the unit a mutation rescans. */
export function nearestBlockElement(node: Node): Element | null {
  return blockAncestor(node.nodeType === 1 ? node : (node.parentNode ?? node));
}

/**
 * Length of the block's i-th text node as walked, from the offsets alone: never
 * `node.data.length`, which in a Firefox content script copies the node's whole text
 * (one 1.5 MB node read per mention made a 1.7 s task).
 */
export function nodeLength(block: Block, i: number): number {
  return (i + 1 < block.starts.length ? block.starts[i + 1] : block.text.length) - block.starts[i];
}

/** Map a block offset to a (node, offset) position. `preferNext` picks the next node at a boundary (range starts). */
export function locate(block: Block, offset: number, preferNext: boolean): { node: Text; offset: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] < offset || (preferNext && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  // Skip empty nodes at a boundary so a range never starts at the end of a node.
  let i = lo;
  while (preferNext && i < nodes.length - 1 && offset - starts[i] >= nodeLength(block, i)) i++;
  return { node: nodes[i], offset: offset - starts[i] };
}

export function blockRange(block: Block, start: number, end: number): Range {
  const a = locate(block, start, true);
  const b = locate(block, end, false);
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
