/**
 * PageSession and Navigation in happy-dom, against a fake background (fakeBrowser) that answers the
 * `index` and `cards` messages and records the status pushes. No highlight API here: the marks are
 * read from the session's own lists.
 */
import { servePackage } from './package-files';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CardHost } from '../../entrypoints/content/card-host';
import { CARD_GLOBAL } from '../../entrypoints/content/card-loader';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Navigation } from '../../entrypoints/content/navigation';
import { PageSession } from '../../entrypoints/content/session';
import { RELEASE_AFTER_MS } from '../../utils/page/work-tracker';
import { compileIndex } from '../../utils/dataset/compile';
import type { Entity } from '../../utils/dataset/validate';
import { compileIndexPayload } from '../../utils/match/compiled';
import { encodeIndexFile } from '../../utils/match/index-file';
import { fromWire } from '../../utils/messages';
import { resolveSettings, type Settings } from '../../utils/settings';

const ENTITIES = [
  { id: 'vladimir-putin', type: 'person', name: 'Vladimir Putin', aliases: ['Putin'] },
  { id: 'russia', type: 'place', name: 'Russia', aliases: [] },
  { id: 'nato', type: 'organization', name: 'NATO', aliases: [] },
] as Entity[];

const ARTICLE = '<article><p>Putin visited Russia.</p><p>Putin spoke again.</p><p>NATO replied.</p></article>';

/** The package's index.bin and a background answering the card prefetch, recording every message and read. */
function background(withCards = false) {
  const card = (id: string) => ({
    entity: { id, type: 'organization', name: id, summary: `About ${id}.`, facts: [], links: {}, reviewed: '2026-12-01', aliases: [] },
    related: [],
  });
  const pkg = servePackage({ 'index.bin': encodeIndexFile(compileIndexPayload(compileIndex(ENTITIES))) });
  const sent: Array<{ type: string } & Record<string, unknown>> = [];
  fakeBrowser.runtime.onMessage.addListener((m: unknown, _sender: unknown, reply: (r: unknown) => void) => {
    const message = m as { type: string };
    sent.push(message);
    if (message.type === 'cards') reply(withCards ? Object.fromEntries((message as unknown as { ids: string[] }).ids.map((id) => [id, card(id)])) : {});
    else if (message.type === 'card') reply(null);
    // What the background's scripting.executeScript of card.js does in the content script's world.
    else if (message.type === 'loadCard') reply(((globalThis as Record<string, unknown>)[CARD_GLOBAL] = CardHost) && true);
    else return undefined;
    return true;
  });
  const statuses = () => sent.filter((m) => m.type === 'statusChanged').map((m) => fromWire(m.status)!);
  /** Messages of a type; 'index' counts reads of the packaged index file. */
  const asked = (type: string) => (type === 'index' ? pkg.reads('index.bin') : sent.filter((m) => m.type === type).length);
  return { sent, statuses, asked };
}

const ctx = {
  isInvalid: false,
  setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
  addEventListener: (target: EventTarget, type: string, handler: EventListener) => target.addEventListener(type, handler),
} as unknown as ContentScriptContext;
const sessions: PageSession[] = [];

function session(html: string, settings: Partial<Settings>) {
  document.body.innerHTML = html;
  const s = new PageSession(ctx, document);
  s.settings = resolveSettings({ where: 'all', ...settings });
  sessions.push(s);
  return s;
}

const texts = (records: readonly { range: Range }[]) => records.map((r) => r.range.toString());

afterEach(() => {
  for (const s of sessions.splice(0)) {
    s.teardown();
    s.cards.host.destroy();
  }
});

describe('PageSession', () => {
  test('apply() on an active page marks the first mention of each entity and reports what it found', async () => {
    const bg = background();
    const s = session(ARTICLE, {});
    await s.apply();
    expect(s.active).toBe(true);
    expect(texts(s.marks.marked)).toEqual(['Putin', 'Russia', 'NATO']);
    const status = s.status();
    expect(status.reason).toBeUndefined();
    expect(status.found.map((f) => [f.id, f.count])).toEqual([
      ['vladimir-putin', 2],
      ['russia', 1],
      ['nato', 1],
    ]);
    expect(bg.asked('index')).toBe(1);
    expect(
      bg
        .statuses()
        .at(-1)
        ?.found.map((f) => f.id),
    ).toEqual(['vladimir-putin', 'russia', 'nato']);
  });

  test('disabled: nothing marked, reason "disabled", the catalogue never asked for', async () => {
    const bg = background();
    const s = session(ARTICLE, { enabled: false });
    await s.apply();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(s.active).toBe(false);
    expect(s.marks.marked).toEqual([]);
    expect(s.status()).toMatchObject({ active: false, reason: 'disabled', found: [] });
    expect(bg.asked('index')).toBe(0);
    expect(bg.statuses().at(-1)).toMatchObject({ active: false, reason: 'disabled' });
  });

  test('a page without names reports "none-found"', async () => {
    background();
    const s = session('<article><p>Nothing to see here.</p></article>', {});
    await s.apply();
    expect(s.status()).toMatchObject({ active: true, reason: 'none-found', found: [] });
  });

  test('the phase goes from starting to idle once the tracked work is done, and the idle status is pushed', async () => {
    const bg = background();
    const s = session(ARTICLE, {});
    expect(s.status().phase).toBe('starting');
    s.work.start();
    const applying = s.work.track(() => s.apply());
    expect(s.status().phase).toBe('working');
    await applying;
    expect(s.status()).toMatchObject({ phase: 'idle', settled: 1 });
    expect(bg.statuses().at(-1)).toMatchObject({ phase: 'idle', settled: 1, active: true });
  });

  test('a muted site is not marked and says so', async () => {
    background();
    const s = session(ARTICLE, { sites: { localhost: 'never' } });
    await s.apply();
    expect(s.marks.marked).toEqual([]);
    expect(s.status().reason).toBe('muted');
  });

  test('switching off after marking tears down: the marks go', async () => {
    background();
    const s = session(ARTICLE, {});
    await s.apply();
    expect(s.marks.marked).toHaveLength(3);
    s.settings = resolveSettings({ ...s.settings, enabled: false });
    await s.apply();
    expect(s.marks.marked).toEqual([]);
    expect(s.marks.highlighter.ranges).toEqual([]);
    expect(s.status().reason).toBe('disabled');
  });

  test('a new mark mode redraws without asking for the catalogue again', async () => {
    const bg = background();
    const s = session(ARTICLE, {});
    await s.apply();
    s.settings = resolveSettings({ ...s.settings, mark: 'every' });
    await s.apply();
    expect(texts(s.marks.marked)).toEqual(['Putin', 'Russia', 'Putin', 'NATO']);
    s.settings = resolveSettings({ ...s.settings, mark: 'none' });
    await s.apply();
    expect(s.marks.marked).toEqual([]);
    expect(s.status().found).toHaveLength(3);
    expect(bg.asked('index')).toBe(1);
  });

  test('teardown() clears the marks, and a scan on its way does not mark the page afterwards', async () => {
    background();
    const s = session(ARTICLE, {});
    await s.apply();
    s.teardown();
    expect(s.marks.marked).toEqual([]);
    expect(s.marks.highlighter.ranges).toEqual([]);

    const again = session(ARTICLE, {});
    const applying = again.apply();
    again.teardown(); // while the catalogue is on its way
    await applying;
    expect(again.marks.marked).toEqual([]);
  });

  test('lifecycle: idle → loading → scanning → marked; a teardown goes back to idle, a retirement is final', async () => {
    background();
    const s = session(ARTICLE, {});
    expect(s.state).toBe('idle');
    const seen: string[] = [];
    const applying = s.apply();
    seen.push(s.state); // the catalogue is on its way
    await applying;
    seen.push(s.state);
    expect(seen).toEqual(['loading', 'marked']);
    s.teardown();
    expect(s.state).toBe('idle');
    await s.apply();
    expect(s.state).toBe('marked');
    s.teardown(true);
    expect(s.state).toBe('retired');

    const off = session(ARTICLE, { enabled: false });
    await off.apply();
    expect(off.state).toBe('idle');
  });

  test('reloadCatalogue() asks for the catalogue again and marks the page again', async () => {
    const bg = background();
    const s = session(ARTICLE, {});
    await s.apply();
    await s.reloadCatalogue();
    expect(bg.asked('index')).toBe(2);
    expect(texts(s.marks.marked)).toEqual(['Putin', 'Russia', 'NATO']);
  });

  test('the article setting leaves the menu unmarked; the whole-page setting marks it', async () => {
    background();
    const para = (name: string) =>
      `<p>${name} said on Tuesday that the talks, which began in the spring, would continue next month, and that officials from both sides would meet again.</p>`;
    const html = `<nav><a href="/nato">NATO</a> <a href="/world">World</a></nav><article><h1>Talks</h1>${para('Putin')}${para('Russia')}${para('Putin')}${para('Russia')}</article>`;
    const s = session(html, { mark: 'every' });
    await s.apply();
    expect(texts(s.marks.marked)).toEqual(['Putin', 'Russia', 'Putin', 'Russia']);
    s.settings = resolveSettings({ ...s.settings, scope: 'page' });
    await s.apply();
    expect(texts(s.marks.marked)).toEqual(['NATO', 'Putin', 'Russia', 'Putin', 'Russia']);
  });

  test('text added to the page later is scanned and marked', async () => {
    background();
    const s = session(ARTICLE, { scope: 'page', mark: 'every' });
    await s.apply();
    const p = document.createElement('p');
    p.textContent = 'Russia answered NATO.';
    document.querySelector('article')!.append(p);
    await vi.waitFor(() => expect(texts(s.marks.marked)).toEqual(['Putin', 'Russia', 'Putin', 'NATO', 'Russia', 'NATO']), { timeout: 3000 });
  });

  test('a quiet page lets the index go; marks, status, keyboard and cards work on; a change reads it again and is marked', async () => {
    const bg = background();
    const s = session(ARTICLE, { scope: 'page', mark: 'every' });
    const nav = new Navigation(s, document, () => s.catalogues.ensure());
    s.work.start();
    await s.apply();
    const before = s.status().found;
    expect(s.releaseIndex()).toBe(true);
    expect(s.catalogues.current).toBeNull();
    expect(s.releaseIndex()).toBe(false); // nothing left to let go
    // Everything that reads the page's mentions still answers, from the entities kept.
    s.remark();
    expect(s.status().found).toEqual(before);
    expect(nav.jumpTo('nato')).toBe(true);
    expect(s.cards.entityId(s.cards.intent.target!.record)).toBe('nato');
    s.settings = resolveSettings({ ...s.settings, categories: { ...s.settings.categories, person: false } });
    await s.apply();
    expect(texts(s.marks.marked)).toEqual(['Russia', 'NATO']);
    expect(bg.asked('index')).toBe(1);
    // A change to the page reads the index again before scanning it.
    const p = document.createElement('p');
    p.textContent = 'Russia answered NATO.';
    document.querySelector('article')!.append(p);
    await vi.waitFor(() => expect(texts(s.marks.marked)).toEqual(['Russia', 'NATO', 'Russia', 'NATO']), { timeout: 3000 });
    expect(bg.asked('index')).toBe(2);
    expect(s.catalogues.current).not.toBeNull();
  });

  test('after the index is let go, a change outside the article does not read it again', async () => {
    const bg = background();
    const s = session(`${ARTICLE}<aside id="ad">Advertisement</aside>`, {});
    s.work.start();
    await s.work.track(() => s.apply());
    expect(s.releaseIndex()).toBe(true);
    const settled = s.work.settled;
    document.getElementById('ad')!.textContent = 'Another advertisement about NATO';
    await vi.waitFor(() => expect(s.work.settled).toBeGreaterThan(settled), { timeout: 3000 });
    expect(bg.asked('index')).toBe(1);
    expect(s.catalogues.current).toBeNull();
  });

  test('a card opened by "Explain" for a name not on the page still knows its entity after the index is let go', async () => {
    background();
    const s = session('<article><p>Putin visited Russia.</p></article>', {});
    const nav = new Navigation(s, document, () => s.catalogues.ensure());
    s.work.start();
    await s.apply();
    expect(await nav.explain('NATO')).toBe(true);
    expect(s.releaseIndex()).toBe(true);
    expect(s.cards.entityId(s.cards.intent.target!.record)).toBe('nato');
    expect(s.status().found.map((f) => f.id)).toEqual(['vladimir-putin', 'russia']);
  });

  test('a tab marked while hidden warms its card only once shown', async () => {
    background(true);
    const hostIn = () => document.querySelector('backstory-card') !== null;
    const show = (state: 'hidden' | 'visible') => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      show('hidden');
      const s = session(ARTICLE, {});
      await s.apply();
      await new Promise((r) => setTimeout(r, 300));
      expect(texts(s.marks.marked)).toEqual(['Putin', 'Russia', 'NATO']);
      expect(hostIn()).toBe(false);
      show('visible');
      await vi.waitFor(() => expect(hostIn()).toBe(true), { timeout: 3000 });
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
    }
  });

  test('the index is not let go while work is running, and the quiet-page timer is restarted by each settle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      background();
      const s = session(ARTICLE, {});
      s.work.start();
      const applying = s.work.track(() => s.apply());
      expect(s.releaseIndex()).toBe(false); // start-up still under way
      await vi.advanceTimersByTimeAsync(100);
      await applying;
      expect(s.catalogues.current).not.toBeNull();
      await vi.advanceTimersByTimeAsync(RELEASE_AFTER_MS - 1000);
      await s.work.track(async () => undefined); // a settle: the timer starts again
      await vi.advanceTimersByTimeAsync(RELEASE_AFTER_MS - 1000);
      expect(s.catalogues.current).not.toBeNull();
      await vi.advanceTimersByTimeAsync(2000);
      expect(s.catalogues.current).toBeNull();
      expect(texts(s.marks.marked)).toEqual(['Putin', 'Russia', 'NATO']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Navigation', () => {
  test('step() walks the marked names in reading order, wrapping, and pins each one’s card', async () => {
    background();
    const s = session(ARTICLE, {});
    const nav = new Navigation(s, document, () => s.catalogues.ensure());
    expect(nav.step(1)).toBe(false); // nothing scanned yet
    await s.apply();
    const at = () => s.cards.intent.target?.record.range.toString();
    expect(nav.step(1)).toBe(true);
    expect(at()).toBe('Putin');
    expect(s.cards.intent.state).toBe('shown');
    nav.step(1);
    expect(at()).toBe('Russia');
    nav.step(1);
    expect(at()).toBe('NATO');
    nav.step(1);
    expect(at()).toBe('Putin');
    nav.step(-1);
    expect(at()).toBe('NATO');
  });

  test('jumpTo() opens the first mention of an entity; an unknown id is refused', async () => {
    background();
    const s = session(ARTICLE, {});
    const nav = new Navigation(s, document, () => s.catalogues.ensure());
    await s.apply();
    expect(nav.jumpTo('nato')).toBe(true);
    expect(s.cards.intent.target?.record.range.toString()).toBe('NATO');
    expect(nav.jumpTo('nobody')).toBe(false);
  });

  test('explain() opens the card of the longest name in a selection, or says it is unknown', async () => {
    const bg = background();
    const s = session(ARTICLE, { enabled: false });
    const nav = new Navigation(s, document, () => s.catalogues.ensure());
    // Whatever the page's settings: the catalogue is fetched for the question.
    expect(await nav.explain('  Vladimir Putin and NATO ')).toBe(true);
    expect(bg.asked('index')).toBe(1);
    expect(s.cards.intent.target?.record.text).toBe('Vladimir Putin');
    expect(s.cards.intent.pinned).toBe(true);

    expect(await nav.explain('Somebody Else')).toBe(false);
    expect(s.cards.host.visible).toBe(true);
    expect(document.querySelector('backstory-card')?.shadowRoot?.textContent).toContain('Somebody Else');
  });
});
