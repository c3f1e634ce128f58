import { describe, expect, test } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { entryFromForm, mergeEntries, MAX_IMPORT_BYTES, parseGlossaryImport } from '../../utils/glossary';
import { readGlossary } from '../../utils/glossary';
import { Glossary, SiteRules } from '../../components/Options';
import { Popup } from '../../components/Popup';
import { DEFAULT_SETTINGS } from '../../utils/settings';

const good = {
  id: 'my-term',
  type: 'concept',
  name: 'My Term',
  aliases: ['MT'],
  summary: 'A term I keep meeting.',
  facts: [],
  links: {},
  reviewed: '2026-11-29',
};
const json = (v: unknown) => JSON.stringify(v);

describe('glossary import', () => {
  test('a valid file imports', () => {
    const r = parseGlossaryImport(json([good]));
    expect(r.ok && r.entries.map((e) => e.id)).toEqual(['my-term']);
    expect(parseGlossaryImport(json({ entries: [good] })).ok).toBe(true);
  });

  const hostile: Array<[string, string]> = [
    ['broken JSON', '[{"id": "x",'],
    ['empty file', ''],
    ['a number', '42'],
    ['a string', '"hello"'],
    ['null', 'null'],
    ['an object without entries', json({ foo: 1 })],
    ['entries not an array', json({ entries: 'x' })],
    ['entry is a string', json(['x'])],
    ['entry is null', json([null])],
    ['missing name', json([{ ...good, name: undefined }])],
    ['name is a number', json([{ ...good, name: 5 }])],
    ['unknown type', json([{ ...good, type: 'spaceship' }])],
    ['summary too long', json([{ ...good, summary: 'x'.repeat(301) }])],
    ['HTML in the summary', json([{ ...good, summary: '<img src=x onerror=alert(1)>' }])],
    ['script in the name', json([{ ...good, name: '<script>alert(1)</script>' }])],
    ['HTML in an alias', json([{ ...good, aliases: ['<b>x</b>'] }])],
    ['HTML in a fact', json([{ ...good, facts: [{ label: 'x', value: '<iframe>' }] }])],
    ['javascript: link', json([{ ...good, links: { official: 'javascript:alert(1)' } }])],
    ['http link', json([{ ...good, links: { official: 'http://example.com' } }])],
    ['bad id', json([{ ...good, id: '../../etc' }])],
    ['duplicate ids', json([good, { ...good, name: 'Other' }])],
    ['bad date', json([{ ...good, reviewed: 'yesterday' }])],
    ['extra fields', json([{ ...good, onerror: 'alert(1)' }])],
    ['prototype pollution', '[{"__proto__": {"polluted": true}, "id": "p"}]'],
    ['too many aliases', json([{ ...good, aliases: Array.from({ length: 61 }, (_, i) => `a${i}`) }])],
    ['facts not an array', json([{ ...good, facts: {} }])],
  ];
  /** Where each refusal must point: the entry and field, or (no entry to name) the file as a whole. */
  const WHERE: Record<string, string> = {
    'entry is a string': 'entry 1, entry',
    'entry is null': 'entry 1, entry',
    'missing name': 'entry 1 (my-term), name',
    'name is a number': 'entry 1 (my-term), name',
    'unknown type': 'entry 1 (my-term), type',
    'summary too long': 'entry 1 (my-term), summary',
    'HTML in the summary': 'entry 1 (my-term), summary',
    'script in the name': 'entry 1 (my-term), name',
    'HTML in an alias': 'entry 1 (my-term), aliases.0',
    'HTML in a fact': 'entry 1 (my-term), facts.0.value',
    'javascript: link': 'entry 1 (my-term), links.official',
    'http link': 'entry 1 (my-term), links.official',
    'bad id': 'entry 1 (../../etc), id',
    'duplicate ids': 'entry 2 (my-term)',
    'bad date': 'entry 1 (my-term), reviewed',
    'extra fields': 'entry 1 (my-term), entry: Unrecognized key',
    'prototype pollution': 'entry 1 (p), entry: Unrecognized key: "__proto__"',
    'too many aliases': 'entry 1 (my-term), aliases',
    'facts not an array': 'entry 1 (my-term), facts',
  };
  for (const [name, text] of hostile) {
    test(`refuses ${name}, listing where`, () => {
      const r = parseGlossaryImport(text);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const where = WHERE[name];
      if (where)
        expect(
          r.problems.some((p) => p.startsWith(where)),
          JSON.stringify(r.problems),
        ).toBe(true);
      // A file that is not a list of entries names no entry: one message about the file.
      else expect(r.problems, JSON.stringify(r.problems)).toEqual([expect.not.stringMatching(/^entry \d/)]);
    });
  }

  test('problems say where they are', () => {
    const r = parseGlossaryImport(json([good, { ...good, id: 'b', summary: '' }, { ...good, id: 'c', type: 'x' }]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.some((p) => p.startsWith('entry 2 (b), summary'))).toBe(true);
      expect(r.problems.some((p) => p.startsWith('entry 3 (c), type'))).toBe(true);
    }
  });

  test('a __proto__ key pollutes nothing', () => {
    parseGlossaryImport('[{"__proto__": {"polluted": true}, "id": "p"}]');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a 10 MB file is refused by size before parsing', () => {
    const big = `[${'"x",'.repeat(2_700_000)}"x"]`;
    const r = parseGlossaryImport(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([expect.stringMatching(/limit is 1024 KB/)]);
    // Just over the limit is refused too; just under is parsed (and refused for its content, not its size).
    const over = parseGlossaryImport(' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(!over.ok && over.problems[0]).toMatch(/limit is 1024 KB/);
    const under = parseGlossaryImport(`[]${' '.repeat(MAX_IMPORT_BYTES - 2)}`);
    expect(under.ok ? [] : under.problems.filter((p) => /limit is/.test(p))).toEqual([]);
  });

  test('merging replaces by id and keeps the rest', () => {
    const a = { ...good, id: 'a' } as never;
    const b = { ...good, id: 'b' } as never;
    const b2 = { ...good, id: 'b', name: 'B two' } as never;
    expect(mergeEntries([a, b], [b2]).map((e) => e.name)).toEqual(['My Term', 'B two']);
  });

  test('stored entries are checked one by one: a damaged one is dropped, not the glossary', () => {
    expect(readGlossary([good, { broken: true }]).map((e) => e.id)).toEqual(['my-term']);
    expect(readGlossary([good, { id: 1 }, null]).map((e) => e.id)).toEqual(['my-term']);
    expect(readGlossary('nonsense')).toEqual([]);
  });

  test('the form builds a valid entry, or lists what is wrong', () => {
    const r = entryFromForm(
      {
        name: 'Quad',
        type: 'organization',
        aliases: 'Quadrilateral Security Dialogue, QSD',
        summary: 'A forum.',
        facts: 'Members: 4\nFounded: 2007',
        link: 'https://en.wikipedia.org/wiki/Quad',
      },
      '2026-11-29',
    );
    expect(r.ok && r.entry).toMatchObject({
      id: 'quad',
      aliases: ['Quadrilateral Security Dialogue', 'QSD'],
      facts: [
        { label: 'Members', value: '4' },
        { label: 'Founded', value: '2007' },
      ],
      links: { wikipedia: 'https://en.wikipedia.org/wiki/Quad' },
    });
    const bad = entryFromForm({ name: '', type: 'organization', aliases: '', summary: '', facts: '', link: 'ftp://x' }, '2026-11-29');
    expect(bad.ok).toBe(false);
  });
});

describe('options components', () => {
  test('site rules: add, change and remove', () => {
    let sites: Record<string, 'always' | 'never'> = { 'a.com': 'never' };
    const { rerender } = render(<SiteRules sites={sites} onChange={(s) => (sites = s)} />);
    fireEvent.input(screen.getByPlaceholderText('example.com'), { target: { value: 'https://News.Example.org/path' } });
    fireEvent.submit(screen.getByPlaceholderText('example.com').closest('form')!);
    expect(sites).toEqual({ 'a.com': 'never', 'news.example.org': 'never' });
    rerender(<SiteRules sites={sites} onChange={(s) => (sites = s)} />);
    fireEvent.click(screen.getAllByText('Remove')[0]);
    expect(sites).toEqual({ 'news.example.org': 'never' });
  });

  test('site rules refuse a bad host name with a message', () => {
    render(<SiteRules sites={{}} onChange={() => {}} />);
    fireEvent.input(screen.getByPlaceholderText('example.com'), { target: { value: 'not a host!' } });
    fireEvent.submit(screen.getByPlaceholderText('example.com').closest('form')!);
    expect(screen.getByRole('alert').textContent).toMatch(/host name/);
  });

  test('glossary shows entries as text and import problems as a list', () => {
    const evil = { ...good, name: '<img src=x onerror=alert(1)>' } as never;
    const { container } = render(
      <Glossary
        entries={[evil]}
        onSave={() => null}
        onDelete={() => {}}
        onImport={() => {}}
        onExport={() => {}}
        importMessage={{ ok: false, text: 'Nothing was imported.', problems: ['entry 1, name: bad'] }}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(screen.getByText('entry 1, name: bad')).toBeTruthy();
  });

  test('popup lists found entities by type with counts, and says why when there are none', () => {
    const jumps: string[] = [];
    const props = {
      settings: DEFAULT_SETTINGS,
      dataset: { entities: 4098, date: '2026-11-29', version: '0.1.0' },
      onToggleEnabled: () => {},
      onToggleSite: () => {},
      onChange: () => {},
      onOpenOptions: () => {},
      onJump: (id: string) => jumps.push(id),
    };
    const { rerender } = render(
      <Popup
        {...props}
        status={{
          hostname: 'news.example',
          url: 'https://news.example/a',
          phase: 'idle',
          settled: 1,
          active: true,
          found: [
            { id: 'russia', name: 'Russia', type: 'place', count: 3 },
            { id: 'nato', name: 'NATO', type: 'organization', count: 1 },
          ],
        }}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Places' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Organisations' })).toBeTruthy();
    fireEvent.click(screen.getByText('Russia'));
    expect(jumps).toEqual(['russia']);
    expect(screen.getByText(/Works offline\. Sends nothing\./)).toBeTruthy();
    rerender(<Popup {...props} status={null} />);
    expect(screen.getByText(/can’t read this page/)).toBeTruthy();
    rerender(<Popup {...props} status={{ hostname: 'x', url: 'https://x/', phase: 'idle', settled: 1, active: false, reason: 'muted', found: [] }} />);
    expect(screen.getByText('Backstory is off on this site.')).toBeTruthy();
  });
});
