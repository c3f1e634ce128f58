import { describe, expect, test } from 'vitest';
import { walkBlocks, blockRange } from '../../utils/dom/walk';
import { PageScan } from '../../utils/scan/page-scan';
import { Matcher } from '../../utils/match/matcher';
import { compileIndex } from '../../utils/dataset/compile';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const immediate = () => Promise.resolve();

function matcher() {
  return new Matcher(
    compileIndex([
      { id: 'xi-jinping', type: 'person', name: 'Xi Jinping', aliases: [{ text: 'Xi', afterFull: true }] },
      { id: 'vladimir-putin', type: 'person', name: 'Vladimir Putin', aliases: ['Putin'] },
      { id: 'russia', type: 'place', name: 'Russia', aliases: [] },
      { id: 'georgia-country', type: 'place', name: 'Georgia', aliases: [{ text: 'Georgia', caseSensitive: true, context: ['russia'] }] },
    ]),
  );
}

async function scanTexts(html: string) {
  const root = page(html);
  const scan = new PageScan(matcher());
  await scan.scan(root, { yielder: immediate });
  return scan.ordered().map((r) => r.range.toString());
}

describe('walkBlocks', () => {
  test('joins inline elements into one block and splits at blocks and <br>', () => {
    const root = page('<p><a href="#">Xi</a> Jinping <b>met</b></p><p>Putin</p>line<br>two');
    expect([...walkBlocks(root)].map((b) => b.text)).toEqual(['Xi Jinping met', 'Putin', 'line', 'two']);
  });

  test('skips code, form fields, editable areas and our own host', () => {
    const root = page(
      '<p>a</p><pre>b</pre><code>c</code><textarea>d</textarea><script>e</script><style>f{}</style>' +
        '<div contenteditable="true">g<span>h</span></div><div contenteditable="false">i</div><backstory-card>j</backstory-card><kbd>k</kbd><samp>l</samp>',
    );
    expect([...walkBlocks(root)].map((b) => b.text)).toEqual(['a', 'i']);
  });

  test('maps block offsets back to nodes, across element boundaries', () => {
    const root = page('<p><a>Xi</a> Jinping</p>');
    const [block] = [...walkBlocks(root)];
    const r = blockRange(block, 0, 10);
    expect(r.toString()).toBe('Xi Jinping');
    expect(r.startContainer.parentElement?.tagName).toBe('A');
  });
});

describe('PageScan', () => {
  test('finds names split across inline elements, never across paragraphs', async () => {
    expect(await scanTexts('<p><strong>Vladimir</strong> Putin</p><p>Vladimir</p><p>Putin</p>')).toEqual(['Vladimir Putin', 'Putin']);
  });

  test('context rules look at the whole page: a later mention of Russia enables an earlier Georgia', async () => {
    expect(await scanTexts('<p>Georgia voted.</p><p>Russia objected.</p>')).toEqual(['Georgia', 'Russia']);
    expect(await scanTexts('<p>Georgia voted.</p><p>Nobody objected.</p>')).toEqual([]);
  });

  test('afterFull follows reading order across blocks', async () => {
    expect(await scanTexts('<p>Xi spoke.</p><p>Xi Jinping said.</p><p>Xi left.</p>')).toEqual(['Xi Jinping', 'Xi']);
  });

  test('rescan drops removed text and adds new text', async () => {
    const root = page('<p id="a">Putin spoke.</p><p id="b">Russia</p>');
    const scan = new PageScan(matcher());
    await scan.scan(root, { yielder: immediate });
    document.getElementById('a')!.remove();
    const added = document.createElement('p');
    added.textContent = 'Vladimir Putin again';
    root.append(added);
    await scan.rescan([added], { yielder: immediate });
    expect(scan.ordered().map((r) => r.range.toString())).toEqual(['Russia', 'Vladimir Putin']);
  });

  test('an enormous text node is matched in windows without losing names at the edges', async () => {
    const filler = 'word '.repeat(20_000);
    const text = `${filler}Vladimir Putin ${filler.slice(0, 32_700)}Putin ${filler}`;
    const found = await scanTexts(`<p>${text}</p>`);
    expect(found).toEqual(['Vladimir Putin', 'Putin']);
  });

  test('reads each text node once per scan, however many names it holds', async () => {
    // In a Firefox content script every read of Text.data copies the node's whole text:
    // reading a 1.5 MB node once per mention made a 1.7 s task.
    const root = page('<p id="p"></p><p><b>Xi</b> Jinping and <i>Putin</i></p>');
    const big = document.createTextNode('Vladimir Putin said. '.repeat(5000));
    root.querySelector('#p')!.append(big);
    let reads = 0;
    const proto = Object.getPrototypeOf(big);
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'data') ?? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(proto), 'data')!;
    // oxlint-disable-next-line typescript/unbound-method -- the getter is only ever called with .call(node) below
    const get = descriptor.get!;
    // Count reads by our code only (happy-dom's own Range reads the property too; a browser's does not).
    const ours = () => !/happy-dom/.test(new Error().stack?.split('\n')[3] ?? '');
    Object.defineProperty(big, 'data', { get: () => (ours() && reads++, get.call(big)), configurable: true });
    const scan = new PageScan(matcher());
    await scan.scan(root, { yielder: immediate });
    expect(scan.records.size).toBeGreaterThan(1000);
    expect(reads).toBe(1);
  });

  test('a rescanned block is not given a context second look with its old offsets', async () => {
    // "Georgia" waits for a context (Russia) that the page does not have yet, so nothing is marked.
    const root = page('<p id="a">Georgia</p>');
    const scan = new PageScan(matcher());
    await scan.scan(root, { yielder: immediate });
    expect(scan.records.size).toBe(0);
    // Then its text changes and Russia appears: the old candidate (offsets 0–7) must not come back.
    const a = root.querySelector('#a')!;
    (a.firstChild as Text).data = 'Hi';
    const b = document.createElement('p');
    b.textContent = 'Russia';
    root.append(b);
    expect(await scan.rescan([a, b], { yielder: immediate })).toBe(true);
    expect(scan.ordered().map((r) => r.range.toString())).toEqual(['Russia']);
  });

  test('a newer scan cancels an older one', async () => {
    const root = page('<p>Putin</p>'.repeat(50));
    const scan = new PageScan(matcher());
    // A zero-length slice yields after every block, so reset() lands mid-scan.
    const first = scan.scan(root, { yielder: immediate, sliceMs: 0 });
    scan.reset();
    expect(await first).toBe(false);
    // reset() emptied the records; the cancelled scan must not have added any after it.
    expect(scan.records.size).toBe(0);
  });
});
