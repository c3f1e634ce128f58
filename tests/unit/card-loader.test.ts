/**
 * The card host loaded after start-up (entrypoints/content/card-loader.ts): nothing is shown, contained or placed
 * before the card's code is here; a card asked for waits for it; a failed load is retried; a host destroyed while
 * loading never appears. loadCardHost asks the (fake) background, which does what executeScript of card.js does.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CardHost, type ShowOptions } from '../../entrypoints/content/card-host';
import { CARD_GLOBAL, LazyCardHost, loadCardHost } from '../../entrypoints/content/card-loader';
import { compileCards } from '../../utils/dataset/compile';
import type { Entity } from '../../utils/dataset/validate';

const ENTITY = {
  id: 'nato',
  type: 'organization',
  name: 'NATO',
  aliases: [],
  summary: 'A military alliance.',
  facts: [],
  links: {},
  reviewed: '2026-12-01',
} as unknown as Entity;
const PROPS: Omit<ShowOptions, 'anchor' | 'theme' | 'focus'> = { entity: compileCards([ENTITY]).nato, related: [], matched: 'NATO', onClose: () => {} };
const ANCHOR = { left: 10, top: 10, right: 50, bottom: 22, width: 40, height: 12 };
const events = { onEnter: () => {}, onLeave: () => {} };
const world = globalThis as Record<string, unknown>;

afterEach(() => {
  fakeBrowser.reset();
  delete world[CARD_GLOBAL];
  for (const el of document.querySelectorAll('backstory-card')) el.remove();
});

describe('LazyCardHost', () => {
  test('before its code is loaded nothing is visible or contained; prepare() starts the load, show() waits for it', async () => {
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const host = new LazyCardHost(document, events, async () => {
      loads++;
      await gate;
      return CardHost;
    });
    expect(host.loaded).toBe(false);
    expect(host.visible).toBe(false);
    expect(host.rect()).toBeNull();
    expect(host.contains(document.body)).toBe(false);
    host.hide();
    host.reposition(ANCHOR);
    host.prepare({ ...PROPS, theme: 'light' });
    expect(loads).toBe(1);
    const shown = host.show({ ...PROPS, anchor: ANCHOR, theme: 'light' });
    expect(document.querySelector('backstory-card')).toBeNull();
    release();
    await shown;
    expect(loads).toBe(1);
    expect(host.loaded).toBe(true);
    expect(host.visible).toBe(true);
    expect(host.element!.shadowRoot!.textContent).toContain('NATO');
    expect(host.contains(host.element)).toBe(true);
    host.destroy();
    expect(document.querySelector('backstory-card')).toBeNull();
  });

  test('a failed load shows nothing and is tried again on the next card', async () => {
    let attempt = 0;
    const host = new LazyCardHost(document, events, async () => {
      if (++attempt === 1) throw new Error('the frame navigated away');
      return CardHost;
    });
    await host.show({ ...PROPS, anchor: ANCHOR, theme: 'light' });
    expect(host.visible).toBe(false);
    await host.show({ ...PROPS, anchor: ANCHOR, theme: 'light' });
    expect(attempt).toBe(2);
    expect(host.visible).toBe(true);
    host.destroy();
  });

  test('destroyed while loading (the script retired): no host is ever made', async () => {
    const host = new LazyCardHost(document, events, async () => CardHost);
    const warming = host.warm({ ...PROPS, theme: 'light' });
    host.destroy();
    await warming;
    expect(host.loaded).toBe(false);
    expect(document.querySelector('backstory-card')).toBeNull();
  });

  test('warm() lays a card out once loaded, unless something started meanwhile', async () => {
    const host = new LazyCardHost(document, events, async () => CardHost);
    await host.warm({ ...PROPS, theme: 'light' }, () => false);
    expect(document.querySelector('backstory-card')).toBeNull();
    await host.warm({ ...PROPS, theme: 'light' });
    const wrap = host.element!.shadowRoot!.querySelector('.wrap') as HTMLElement;
    expect(wrap.hidden).toBe(true);
    expect(host.visible).toBe(false);
    host.destroy();
  });
});

describe('loadCardHost (Chromium)', () => {
  test('asks the background to put card.js into this frame, then takes the class it left in the world', async () => {
    const asked: string[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown, _sender: unknown, reply: (r: unknown) => void) => {
      asked.push((m as { type: string }).type);
      world[CARD_GLOBAL] = CardHost; // what executeScript of card.js does
      reply(true);
      return true;
    });
    expect(await loadCardHost()).toBe(CardHost);
    expect(asked).toEqual(['loadCard']);
  });

  test('a background that could not inject, or a script that left nothing, is an error', async () => {
    fakeBrowser.runtime.onMessage.addListener((_m: unknown, _sender: unknown, reply: (r: unknown) => void) => {
      reply(false);
      return true;
    });
    await expect(loadCardHost()).rejects.toThrow(/could not be loaded/);
  });
});
