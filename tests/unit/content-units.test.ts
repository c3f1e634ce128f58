/**
 * The content script's units (entrypoints/content/) in happy-dom: the status push, the marks and their
 * cached view, the scope scan with its shadow roots, and the catalogue asked of the background.
 */
import { servePackage } from './package-files';
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CatalogueSource } from '../../entrypoints/content/catalogue-source';
import { PageMarks } from '../../entrypoints/content/page-marks';
import { rescanScope, scanScope, type ScopeScanHooks } from '../../entrypoints/content/scope-scan';
import { ShadowRoots } from '../../entrypoints/content/shadow-styler';
import { StatusReporter } from '../../entrypoints/content/status-reporter';
import { viewOf, type Catalogue } from '../../utils/catalogue';
import { compileIndex } from '../../utils/dataset/compile';
import { glossaryItem } from '../../utils/glossary-store';
import type { Entity } from '../../utils/dataset/validate';
import { Matcher } from '../../utils/match/matcher';
import { compileIndexPayload } from '../../utils/match/compiled';
import { encodeIndexFile } from '../../utils/match/index-file';
import { fromWire, isToBackground, toWire, type PageStatus } from '../../utils/messages';
import type { PlannedScope } from '../../utils/page/scope-plan';
import { PageScan } from '../../utils/scan/page-scan';
import { resolveSettings, type Settings } from '../../utils/settings';

const ENTITIES: Entity[] = [
  { id: 'vladimir-putin', type: 'person', name: 'Vladimir Putin', aliases: ['Putin'] },
  { id: 'russia', type: 'place', name: 'Russia', aliases: [] },
  { id: 'nato', type: 'organization', name: 'NATO', aliases: [] },
] as Entity[];

const immediate = () => Promise.resolve();
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function catalogue(): Catalogue {
  return { matcher: new Matcher(compileIndex(ENTITIES)), localCard: () => undefined, isCustom: () => false };
}

const texts = (records: readonly { range: Range }[]) => records.map((r) => r.range.toString());

/** Every runtime message sent while the test runs (a listener that answers nothing). */
function recordMessages(): Array<{ type: string } & Record<string, unknown>> {
  const sent: Array<{ type: string } & Record<string, unknown>> = [];
  fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
    sent.push(m as { type: string });
  });
  return sent;
}

function status(over: Partial<PageStatus> = {}): PageStatus {
  return { hostname: 'example.com', url: 'https://example.com/a', active: true, phase: 'idle', settled: 1, found: [], ...over };
}

describe('StatusReporter', () => {
  test('sends statusChanged with the status when it changes, and not again while it stays the same', async () => {
    const sent = recordMessages();
    let now = status();
    const reporter = new StatusReporter(document, () => now);
    reporter.push();
    await flush();
    expect(sent).toEqual([{ type: 'statusChanged', status: toWire(now) }]);

    reporter.push();
    reporter.push();
    await flush();
    expect(sent).toHaveLength(1);

    now = status({ found: [{ id: 'russia', name: 'Russia', type: 'place', count: 2 }] });
    reporter.push();
    await flush();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({ type: 'statusChanged', status: toWire(now) });

    // A count that changed is a change; back to idle from working is a change too.
    now = status({ found: [{ id: 'russia', name: 'Russia', type: 'place', count: 3 }] });
    reporter.push();
    now = { ...now, phase: 'working' };
    reporter.push();
    await flush();
    expect(sent.map((m) => fromWire(m.status)!.phase)).toEqual(['idle', 'idle', 'idle', 'working']);
  });

  test('the found list crosses as one JSON string, and comes back checked', () => {
    const now = status({ found: [{ id: 'russia', name: 'Russia', type: 'place', count: 2 }] });
    const wire = toWire(now);
    expect(typeof wire.found).toBe('string');
    expect(isToBackground({ type: 'statusChanged', status: wire })).toBe(true);
    expect(fromWire(wire)).toEqual(now);
    // Not a status: an object list where a string belongs, a string that is not JSON, JSON that is not a found list.
    expect(isToBackground({ type: 'statusChanged', status: now })).toBe(false);
    expect(fromWire({ ...wire, found: '[{' })).toBeNull();
    expect(fromWire({ ...wire, found: '[{"id":1}]' })).toBeNull();
  });

  test('never sends from a subframe', async () => {
    const sent = recordMessages();
    const read = vi.fn(() => status());
    const frame = { defaultView: { top: window } } as unknown as Document;
    const reporter = new StatusReporter(frame, read);
    reporter.push();
    reporter.push();
    await flush();
    expect(sent).toEqual([]);
  });

  test('survives a sendMessage that throws or rejects, and still reports later changes', async () => {
    let now = status();
    const reporter = new StatusReporter(document, () => now);
    // No listener: the fake browser rejects ("No listeners available"), as a reloaded extension does.
    expect(() => reporter.push()).not.toThrow();
    await flush();

    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    now = status({ phase: 'working' });
    expect(() => reporter.push()).not.toThrow();
    await flush();
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();

    const sent = recordMessages();
    now = status({ active: false, reason: 'disabled' });
    reporter.push();
    await flush();
    expect(sent).toEqual([{ type: 'statusChanged', status: toWire(now) }]);
  });
});

describe('PageMarks', () => {
  async function marksOn(html: string, settings: Partial<Settings> = {}) {
    const root = page(html);
    const cat = catalogue();
    const scan = new PageScan(cat.matcher);
    await scan.scan(root, { yielder: immediate });
    const source = { settings: resolveSettings(settings), scan: scan as PageScan | null, catalogue: cat as Catalogue | null };
    const marks = new PageMarks({ scan: () => source.scan, catalogue: () => source.catalogue && viewOf(source.catalogue), settings: () => source.settings });
    return { root, scan, marks, source };
  }
  const ARTICLE = '<p>Putin visited Russia.</p><p>Putin spoke again.</p><p>Russia replied.</p>';

  test('draw() marks the first mention of each entity, every mention, or none, as the mark mode says', async () => {
    const { marks, source } = await marksOn(ARTICLE, { mark: 'first' });
    marks.draw();
    expect(texts(marks.marked)).toEqual(['Putin', 'Russia']);
    expect(marks.marked.map((r) => r.range.startContainer.textContent)).toEqual(['Putin visited Russia.', 'Putin visited Russia.']);
    expect(marks.highlighter.ranges).toEqual(marks.marked.map((r) => r.range));

    source.settings = resolveSettings({ mark: 'every' });
    marks.draw();
    expect(texts(marks.marked)).toEqual(['Putin', 'Russia', 'Putin', 'Russia']);
    expect(marks.highlighter.ranges).toHaveLength(4);

    source.settings = resolveSettings({ mark: 'none' });
    marks.draw();
    expect(marks.marked).toEqual([]);
    expect(marks.highlighter.ranges).toEqual([]);
    // Nothing marked, yet the entities are still found (the popup lists them).
    expect(marks.found().map((f) => f.id)).toEqual(['vladimir-putin', 'russia']);
  });

  test('a category switched off is neither marked nor found', async () => {
    const { marks } = await marksOn(ARTICLE, { mark: 'every', categories: { ...resolveSettings({}).categories, place: false } });
    marks.draw();
    expect(texts(marks.marked)).toEqual(['Putin', 'Putin']);
    expect(texts(marks.visible())).toEqual(['Putin', 'Putin']);
    expect(marks.found()).toEqual([{ id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person', count: 2 }]);
  });

  test('found() counts each entity once, in order of first mention', async () => {
    const { marks } = await marksOn(`<p>Russia and NATO.</p>${ARTICLE}`);
    marks.draw();
    expect(marks.found()).toEqual([
      { id: 'russia', name: 'Russia', type: 'place', count: 3 },
      { id: 'nato', name: 'NATO', type: 'organization', count: 1 },
      { id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person', count: 2 },
    ]);
  });

  test('without a scan or a catalogue nothing is marked or found', async () => {
    const { marks, source } = await marksOn(ARTICLE);
    source.catalogue = null;
    marks.draw();
    expect(marks.marked).toEqual([]);
    expect(marks.found()).toEqual([]);
    source.scan = null;
    expect(marks.visible()).toEqual([]);
  });

  test('the view is kept until the next draw: a changed scan shows only after draw()', async () => {
    const { root, scan, marks } = await marksOn(ARTICLE, { mark: 'every' });
    marks.draw();
    const before = marks.found();
    expect(before.map((f) => [f.id, f.count])).toEqual([
      ['vladimir-putin', 2],
      ['russia', 2],
    ]);

    const added = document.createElement('p');
    added.textContent = 'NATO and Russia answered.';
    root.append(added);
    await scan.rescan([added], { yielder: immediate });
    expect(texts(scan.ordered())).toContain('NATO');
    // Same drawing: same view.
    expect(marks.found()).toEqual(before);
    expect(texts(marks.visible())).toHaveLength(4);

    marks.draw();
    expect(marks.found().map((f) => [f.id, f.count])).toEqual([
      ['vladimir-putin', 2],
      ['russia', 3],
      ['nato', 1],
    ]);
    expect(texts(marks.marked)).toHaveLength(6);
  });

  test('an empty view is not kept: a scan that arrives after an empty look is seen without a draw', async () => {
    const { root, scan, marks } = await marksOn('<p>Nothing here.</p>');
    expect(marks.found()).toEqual([]);
    const added = document.createElement('p');
    added.textContent = 'Russia.';
    root.append(added);
    await scan.rescan([added], { yielder: immediate });
    expect(marks.found().map((f) => f.id)).toEqual(['russia']);
  });

  test('clear() empties the marks and the highlights', async () => {
    const { marks } = await marksOn(ARTICLE, { mark: 'every' });
    marks.draw();
    expect(marks.marked).toHaveLength(4);
    marks.clear();
    expect(marks.marked).toEqual([]);
    expect(marks.highlighter.ranges).toEqual([]);
  });
});

describe('scanScope and rescanScope', () => {
  /** An article with a menu outside it, an aside left out and two shadow hosts (one nesting another). */
  function setup() {
    page(
      '<nav id="menu"><p>NATO menu</p></nav>' +
        '<article id="story"><p>Putin spoke.</p><aside id="ad"><p>NATO advert</p></aside><div id="host1"></div><div id="host2"></div></article>',
    );
    const story = document.getElementById('story')!;
    const one = document.getElementById('host1')!.attachShadow({ mode: 'open' });
    one.innerHTML = '<p>Russia in a widget.</p>';
    const two = document.getElementById('host2')!.attachShadow({ mode: 'open' });
    two.innerHTML = '<p>Putin again.</p><div id="inner"></div>';
    const three = (two.getElementById('inner') as HTMLElement).attachShadow({ mode: 'open' });
    three.innerHTML = '<p>Russia nested.</p>';
    const scope: PlannedScope = { roots: [story], method: 'test', excluded: (el) => el.id === 'ad', setting: 'article' };
    const scan = new PageScan(new Matcher(compileIndex(ENTITIES)));
    const known = new Set<ShadowRoot>();
    const adopted: ShadowRoot[] = [];
    const hooks: ScopeScanHooks & { live: boolean } = {
      live: true,
      current: () => hooks.live,
      adopt: (r) => {
        adopted.push(r);
        known.add(r);
      },
      known: (r) => known.has(r),
    };
    return { story, scope, scan, hooks, adopted, shadows: [one, two, three] };
  }

  test('scans the scope roots and the open shadow roots in them, not the menu or an excluded subtree', async () => {
    const { scope, scan, hooks, adopted, shadows } = setup();
    expect(await scanScope(scan, scope, '2026-12-07', hooks)).toBe(true);
    expect(texts(scan.ordered())).toEqual(['Putin', 'Russia', 'Putin', 'Russia']);
    expect(scan.ordered().some((r) => r.range.startContainer.textContent?.includes('NATO'))).toBe(false);
    // Each shadow root adopted once, nested ones too.
    expect(adopted).toHaveLength(3);
    expect(new Set(adopted)).toEqual(new Set(shadows));
  });

  test('a run superseded before it starts scans nothing; one superseded on the way reports false', async () => {
    const first = setup();
    first.hooks.live = false;
    expect(await scanScope(first.scan, first.scope, '2026-12-07', first.hooks)).toBe(false);
    expect(first.scan.ordered()).toEqual([]);
    expect(first.adopted).toEqual([]);

    // Superseded after the roots: the shadow roots are left alone.
    const second = setup();
    const hooks = { ...second.hooks, current: vi.fn().mockReturnValueOnce(true).mockReturnValue(false) };
    expect(await scanScope(second.scan, second.scope, '2026-12-07', hooks)).toBe(false);
    expect(second.adopted).toEqual([]);
  });

  test('a change outside the scope rescans nothing; one inside rescans it', async () => {
    const { story, scope, scan, hooks } = setup();
    await scanScope(scan, scope, '2026-12-07', hooks);
    const before = texts(scan.ordered());

    const menu = document.getElementById('menu')!;
    menu.insertAdjacentHTML('beforeend', '<p>Russia in the menu</p>');
    expect(await rescanScope(scan, scope, [menu], hooks)).toBe(false);
    expect(texts(scan.ordered())).toEqual(before);

    const ad = document.getElementById('ad')!;
    ad.insertAdjacentHTML('beforeend', '<p>Russia in the ad</p>');
    expect(await rescanScope(scan, scope, [ad], hooks)).toBe(false);
    expect(texts(scan.ordered())).toEqual(before);

    const p = document.createElement('p');
    p.textContent = 'NATO met.';
    story.append(p);
    expect(await rescanScope(scan, scope, [p], hooks)).toBe(true);
    expect(texts(scan.ordered())).toEqual([...before, 'NATO']);
  });

  test('a rescan adopts only shadow roots not known yet, and scans them', async () => {
    const { story, scope, scan, hooks, adopted } = setup();
    await scanScope(scan, scope, '2026-12-07', hooks);
    expect(adopted).toHaveLength(3);

    const host = document.createElement('div');
    const fresh = host.attachShadow({ mode: 'open' });
    fresh.innerHTML = '<p>NATO inside.</p>';
    story.append(host);
    // The whole story changed: its known shadow roots are met again, the new one is adopted.
    expect(await rescanScope(scan, scope, [story], hooks)).toBe(true);
    expect(adopted).toHaveLength(4);
    expect(adopted[3]).toBe(fresh);
    expect(texts(scan.ordered())).toContain('NATO');
  });

  test('a rescan that is superseded reports false', async () => {
    const { story, scope, scan, hooks } = setup();
    await scanScope(scan, scope, '2026-12-07', hooks);
    hooks.live = false;
    const p = document.createElement('p');
    p.textContent = 'Russia again.';
    story.append(p);
    expect(await rescanScope(scan, scope, [p], hooks)).toBe(false);
  });
});

describe('ShadowRoots', () => {
  test('adopt() keeps, watches and styles a root once; has() knows it', () => {
    const watch = vi.fn();
    const shadows = new ShadowRoots(window, '::highlight(backstory-dotted) { text-decoration: underline dotted; }', watch);
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    const other = document.createElement('div').attachShadow({ mode: 'open' });
    expect(shadows.has(root)).toBe(false);

    shadows.adopt(root);
    shadows.adopt(root);
    expect(shadows.list).toEqual([root]);
    expect(watch).toHaveBeenCalledTimes(1);
    expect(watch).toHaveBeenCalledWith(root);
    expect(shadows.has(root)).toBe(true);
    expect(shadows.has(other)).toBe(false);
    expect(root.adoptedStyleSheets).toHaveLength(1);

    shadows.adopt(other);
    expect(shadows.list).toEqual([root, other]);
    expect(watch).toHaveBeenCalledTimes(2);
  });
});

describe('CatalogueSource', () => {
  /** A package holding the compiled test index as index.bin, counting its reads. */
  function background() {
    const pkg = servePackage({ 'index.bin': encodeIndexFile(compileIndexPayload(compileIndex(ENTITIES))) });
    return {
      get index() {
        return pkg.reads('index.bin');
      },
    };
  }

  test('ensure() reads the packaged index once, even when called concurrently', async () => {
    const asked = background();
    const source = new CatalogueSource(performance.now());
    const [a, b] = await Promise.all([source.ensure(), source.ensure()]);
    expect(asked.index).toBe(1);
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(source.current).toBe(a);
    expect(a!.matcher.find('Putin met NATO').length).toBe(2);
    expect(await source.ensure()).toBe(a);
    expect(asked.index).toBe(1);
  });

  test('forget() makes the next ensure() ask again and build a new catalogue', async () => {
    const asked = background();
    const source = new CatalogueSource(performance.now());
    const first = await source.ensure();
    source.forget();
    expect(source.current).toBeNull();
    const second = await source.ensure();
    expect(asked.index).toBe(2);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
  });

  /** One entry of a reader's glossary. */
  const ACME = {
    id: 'acme',
    type: 'organization',
    name: 'Acme Widgets',
    aliases: [],
    summary: 'A maker of widgets.',
    facts: [],
    links: {},
    reviewed: '2026-12-01',
  } as unknown as Entity;

  test('the reader’s glossary joins the catalogue under the custom prefix', async () => {
    background();
    await glossaryItem.setValue([ACME]);
    const cat = await new CatalogueSource(performance.now()).ensure();
    const hits = cat!.matcher.find('Acme Widgets said');
    expect(hits).toHaveLength(1);
    expect(cat!.matcher.index.entities[cat!.matcher.rules.entityOf(hits[0].aliases[0])].id).toBe('custom:acme');
    expect(cat!.isCustom('custom:acme')).toBe(true);
  });

  test('release(): the view keeps the entities asked for and the glossary, ensure() reads the index again', async () => {
    const asked = background();
    await glossaryItem.setValue([ACME]);
    const source = new CatalogueSource(performance.now());
    expect(source.release([0])).toBe(false); // nothing loaded yet
    const cat = (await source.ensure())!;
    const custom = cat.matcher.rules.entityOf(cat.matcher.find('Acme Widgets')[0].aliases[0]);
    const putin = cat.matcher.rules.entityOf(cat.matcher.find('Putin')[0].aliases[0]);
    expect(source.release([putin, custom, putin])).toBe(true);
    expect(source.current).toBeNull();
    const view = source.view()!;
    expect(view.entity(putin)).toEqual(cat.matcher.entity(putin));
    expect(view.entityType(custom)).toBe('organization');
    expect(view.isCustom(view.entity(custom).id)).toBe(true);
    expect(view.localCard('custom:acme')?.entity.name).toBe('Acme Widgets');
    const other = [...Array(cat.matcher.entityCount).keys()].find((i) => i !== putin && i !== custom)!;
    expect(() => view.entity(other)).toThrow(RangeError);
    const reads = asked.index;
    const again = (await source.ensure())!;
    expect(asked.index).toBe(reads + 1);
    expect(again.matcher.entity(other)).toEqual(cat.matcher.entity(other));
    expect(source.view()!.entity(other).id).toBe(cat.matcher.entity(other).id);
  });

  test('no package to read (a retired script): ensure() yields null without throwing', async () => {
    const source = new CatalogueSource(performance.now());
    await expect(source.ensure()).resolves.toBeNull();
    expect(source.current).toBeNull();
    // Once the package can be read again (a new glossary forgets the old attempt), it is read anew.
    const asked = background();
    source.forget();
    expect(await source.ensure()).not.toBeNull();
    expect(asked.index).toBe(1);
  });
});
