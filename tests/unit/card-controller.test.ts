/**
 * CardController and the hover input in happy-dom: a pinned name's card is fetched from the (fake)
 * background and shown in <backstory-card>'s shadow root; the reader's glossary cards are built
 * locally; Escape, a resize or a click elsewhere closes the card. happy-dom has no layout, so the
 * hover test supplies the caret and the name's box the browser would give.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CardController } from '../../entrypoints/content/card-controller';
import { CardHost } from '../../entrypoints/content/card-host';
import { CARD_GLOBAL } from '../../entrypoints/content/card-loader';
import { listenForHover } from '../../entrypoints/content/hover-input';
import { viewOf, type Catalogue } from '../../utils/catalogue';
import { compileCards, compileIndex } from '../../utils/dataset/compile';
import type { Entity } from '../../utils/dataset/validate';
import { Matcher } from '../../utils/match/matcher';
import type { MentionRecord } from '../../utils/scan/page-scan';
import { PageScan } from '../../utils/scan/page-scan';
import { resolveSettings } from '../../utils/settings';

const entity = (id: string, type: string, name: string, aliases: string[]) =>
  ({ id, type, name, aliases, summary: `About ${name}.`, facts: [], links: {}, reviewed: '2026-12-01' }) as unknown as Entity;
const ENTITIES = [entity('vladimir-putin', 'person', 'Vladimir Putin', ['Putin']), entity('custom:acme', 'organization', 'Acme Widgets', [])];
const CARDS = compileCards(ENTITIES);

const immediate = () => Promise.resolve();
const RECT = { left: 10, top: 10, right: 50, bottom: 22, width: 40, height: 12 };

/** A fake background answering `card`, counting the asks, recording every message. */
function background() {
  const sent: Array<{ type: string } & Record<string, unknown>> = [];
  fakeBrowser.runtime.onMessage.addListener((m: unknown, _sender: unknown, reply: (r: unknown) => void) => {
    const message = m as { type: string; id?: string };
    sent.push(message);
    if (message.type === 'loadCard') {
      // What the background's scripting.executeScript of card.js does in the content script's world.
      (globalThis as Record<string, unknown>)[CARD_GLOBAL] = CardHost;
      reply(true);
      return true;
    }
    if (message.type !== 'card') return undefined;
    reply(message.id && message.id in CARDS && !message.id.startsWith('custom:') ? { entity: CARDS[message.id], related: [] } : null);
    return true;
  });
  return { sent, asked: (type: string) => sent.filter((m) => m.type === type) };
}

/** A context whose listeners are removed after each test (the real one does it when the script retires). */
const removals: Array<() => void> = [];
const ctx = {
  isInvalid: false,
  setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
  addEventListener: (target: EventTarget, type: string, fn: EventListener, opts?: AddEventListenerOptions) => {
    target.addEventListener(type, fn, opts);
    removals.push(() => target.removeEventListener(type, fn, opts));
  },
} as unknown as ContentScriptContext;

const controllers: CardController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) {
    c.intent.close();
    c.host.destroy();
  }
  for (const remove of removals.splice(0)) remove();
});

async function setup(html = '<p>Putin met Acme Widgets.</p>') {
  document.body.innerHTML = html;
  const matcher = new Matcher(compileIndex(ENTITIES));
  const catalogue: Catalogue = {
    matcher,
    localCard: (id) => (id.startsWith('custom:') ? { entity: CARDS[id], related: [] } : undefined),
    isCustom: (id) => id.startsWith('custom:'),
  };
  const scan = new PageScan(matcher);
  await scan.scan(document.body, { yielder: immediate });
  const focus = vi.fn();
  const cards = new CardController(document, ctx, {
    catalogue: () => viewOf(catalogue),
    settings: () => resolveSettings({ hoverDelay: 50 }),
    articleDate: () => undefined,
    focus,
  });
  controllers.push(cards);
  const record = (text: string) => scan.ordered().find((r) => r.range.toString() === text)!;
  return { cards, scan, record, focus };
}

const cardText = () => document.querySelector('backstory-card')?.shadowRoot?.textContent ?? '';

describe('CardController', () => {
  test('pin() fetches the card from the background and shows it', async () => {
    const bg = background();
    const { cards, record } = await setup();
    cards.pin(record('Putin'), RECT);
    await vi.waitFor(() => expect(cards.host.visible).toBe(true));
    expect(cardText()).toContain('Vladimir Putin');
    expect(cardText()).toContain('About Vladimir Putin.');
    expect(bg.asked('card').map((m) => m.id)).toEqual(['vladimir-putin']);
    expect(cards.shownRect).toEqual(RECT);

    // Shown again: from the cache.
    cards.intent.close();
    expect(cards.host.visible).toBe(false);
    cards.pin(record('Putin'), RECT);
    await vi.waitFor(() => expect(cards.host.visible).toBe(true));
    expect(bg.asked('card')).toHaveLength(1);
  });

  test('warm() lays a card out, hidden, in our own host: the body is untouched, and no card shows', async () => {
    const bg = background();
    const { cards } = await setup();
    const body = document.body.outerHTML;
    const rendered = vi.spyOn(cards.host, 'warm');
    await cards.warm('vladimir-putin');
    expect(rendered).toHaveBeenCalledTimes(1);
    expect(rendered.mock.calls[0][0].entity.name).toBe('Vladimir Putin');
    expect(document.body.outerHTML).toBe(body);
    // The one element Backstory adds, outside <body>, now holding an empty, hidden wrap: the card was laid out and removed.
    expect([...document.documentElement.children].map((e) => e.localName)).toEqual(['head', 'body', 'backstory-card']);
    const wrap = cards.host.element!.shadowRoot!.querySelector('.wrap') as HTMLElement;
    expect(wrap.hidden).toBe(true);
    expect(wrap.childElementCount).toBe(0);
    expect(cards.host.visible).toBe(false);
    expect(bg.asked('card').map((m) => m.id)).toEqual(['vladimir-putin']); // then cached for the first hover
    await cards.warm(undefined);
    await cards.warm('not-in-the-dataset');
    expect(rendered).toHaveBeenCalledTimes(1);
  });

  test('a host left by a retired copy of Backstory is replaced: one host per page', async () => {
    background();
    const { cards } = await setup();
    const stale = document.createElement('backstory-card');
    document.documentElement.append(stale);
    await cards.warm('vladimir-putin');
    const hosts = document.querySelectorAll('backstory-card');
    expect(hosts.length).toBe(1);
    expect(hosts[0]).toBe(cards.host.element);
    expect(stale.isConnected).toBe(false);
  });

  test('a glossary card is built locally, without asking the background', async () => {
    const bg = background();
    const { cards, record } = await setup();
    cards.pin(record('Acme Widgets'), RECT);
    await vi.waitFor(() => expect(cards.host.visible).toBe(true));
    expect(cardText()).toContain('Acme Widgets');
    expect(bg.asked('card')).toEqual([]);
  });

  test('closing hides the card and clears the focus mark', async () => {
    background();
    const { cards, record, focus } = await setup();
    cards.pin(record('Putin'), RECT);
    await vi.waitFor(() => expect(cards.host.visible).toBe(true));
    cards.intent.close();
    expect(cards.host.visible).toBe(false);
    expect(cards.shownRect).toBeNull();
    expect(focus).toHaveBeenLastCalledWith(null);
  });

  test('a card the background does not have is not shown', async () => {
    fakeBrowser.runtime.onMessage.addListener((_m: unknown, _s: unknown, reply: (r: unknown) => void) => {
      reply(null);
      return true;
    });
    const { cards, record } = await setup();
    cards.pin(record('Putin'), RECT);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cards.host.visible).toBe(false);
  });

  test('showUnknown() says the name is unknown and offers to add it to the glossary', async () => {
    const bg = background();
    const { cards } = await setup();
    await cards.showUnknown('Somebody Else', RECT);
    expect(cards.host.visible).toBe(true);
    expect(cardText()).toContain('Somebody Else');
    const add = document.querySelector('backstory-card')!.shadowRoot!.querySelector<HTMLElement>('.chip')!;
    add.click();
    await vi.waitFor(() => expect(bg.asked('openOptions')).toEqual([{ type: 'openOptions', add: 'Somebody Else' }]));
    expect(cards.host.visible).toBe(false);
  });
});

describe('listenForHover', () => {
  /** The caret and the name's box the browser would give for a pointer over `record`. */
  function layout(record: MentionRecord) {
    const node = record.range.startContainer;
    const offset = record.range.startOffset + 1;
    (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = (x: number, y: number) =>
      x >= RECT.left && x <= RECT.right && y >= RECT.top && y <= RECT.bottom ? { offsetNode: node, offset } : null;
    const rects = vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      const list = this === record.range ? [RECT] : [];
      return Object.assign(list, { item: (i: number) => list[i] }) as unknown as DOMRectList;
    });
    return () => {
      delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
      rects.mockRestore();
    };
  }

  async function hovering() {
    const bg = background();
    const s = await setup();
    let live = true;
    listenForHover(ctx, document, { live: () => live, hoverable: (n) => s.scan.recordsAt(n), shadowRoots: [] }, s.cards);
    return { ...s, bg, setLive: (v: boolean) => (live = v) };
  }

  const pointer = (type: string, x: number, y: number) => window.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true }));

  test('a pointer resting on a name opens its card after the dwell', async () => {
    const { cards, record } = await hovering();
    const restore = layout(record('Putin'));
    try {
      pointer('pointermove', 20, 15);
      await vi.waitFor(() => expect(cards.intent.state).not.toBe('idle'));
      expect(cards.intent.target?.record).toBe(record('Putin'));
      await vi.waitFor(() => expect(cards.host.visible).toBe(true));
      expect(cardText()).toContain('Vladimir Putin');
    } finally {
      restore();
    }
  });

  test('a click on a name pins its card; a click elsewhere, Escape or a resize closes it', async () => {
    const { cards, record } = await hovering();
    const restore = layout(record('Putin'));
    try {
      pointer('pointerdown', 20, 15);
      expect(cards.intent.pinned).toBe(true);
      await vi.waitFor(() => expect(cards.host.visible).toBe(true));
      pointer('pointerdown', 300, 300);
      expect(cards.intent.state).toBe('idle');
      expect(cards.host.visible).toBe(false);

      pointer('pointerdown', 20, 15);
      await vi.waitFor(() => expect(cards.host.visible).toBe(true));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      expect(cards.host.visible).toBe(false);

      pointer('pointerdown', 20, 15);
      await vi.waitFor(() => expect(cards.host.visible).toBe(true));
      window.dispatchEvent(new Event('resize'));
      expect(cards.host.visible).toBe(false);
    } finally {
      restore();
    }
  });

  test('nothing happens while the page is not live (inactive, unscanned or retired)', async () => {
    const { cards, record, setLive } = await hovering();
    const restore = layout(record('Putin'));
    try {
      setLive(false);
      pointer('pointerdown', 20, 15);
      pointer('pointermove', 20, 15);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(cards.intent.state).toBe('idle');
      expect(cards.host.visible).toBe(false);
    } finally {
      restore();
    }
  });
});
