/**
 * Aliases with a validity period (`from`/`to`): a name resolves to the entity that held it on the
 * article's date. Schema, audit (collisions), compile (index and its packed form) and selection.
 */
import { describe, expect, test } from 'vitest';
import { Matcher } from '../../utils/match/matcher';
import { newRuleState, selectMentions } from '../../utils/match/select';
import { compileIndex } from '../../utils/dataset/compile';
import { auditDataset, findCollisions } from '../../scripts/dataset/audit';
import { validateEntity, type Entity } from '../../utils/dataset/validate';
import { packIndex, unpackIndex, mergeIndexes } from '../../utils/match/term-index';
import { PageScan } from '../../utils/scan/page-scan';
import { inPeriod, monthsBefore, periodsOverlap, sameDate, today } from '../../utils/text/dates';

type Mini = Pick<Entity, 'id' | 'type' | 'name' | 'aliases'>;
const e = (id: string, name: string, aliases: Mini['aliases'] = [], type: Mini['type'] = 'person'): Mini => ({ id, type, name, aliases });

/** Test dataset: the fixtures' entities, with their dated aliases. */
const DATED: Mini[] = [
  e('ali-khamenei', 'Ali Khamenei', [
    { text: 'Khamenei', afterFull: true },
    { text: 'Khamenei', to: '2026-02-28' },
  ]),
  e('mojtaba-khamenei', 'Mojtaba Khamenei', [{ text: 'Khamenei', from: '2026-03' }]),
  e('twelve-day-war', 'Twelve-Day War', [{ text: 'the Iran war', from: '2025-06-13', to: '2026-02-27' }], 'event'),
  e('2026-iran-war', '2026 Iran war', [{ text: 'the Iran war', from: '2026-02-28' }], 'event'),
  e('rishi-sunak', 'Rishi Sunak', [
    { text: 'the Prime Minister of the UK', from: '2022-10-25', to: '2024-07-04' },
    { text: 'Sunak', afterFull: true },
  ]),
  e('keir-starmer', 'Keir Starmer', [
    { text: 'the Prime Minister of the UK', from: '2024-07-05' },
    { text: 'Starmer', afterFull: true },
  ]),
];

function run(entities: Mini[], text: string, date?: string) {
  const index = compileIndex(entities);
  const m = new Matcher(index);
  return selectMentions(index, m.find(text), newRuleState(date)).map((x) => `${text.slice(x.start, x.end)}=${index.entities[x.entity].id}`);
}

describe('date helpers', () => {
  test('periods at year, month or day precision, both ends inclusive', () => {
    expect(inPeriod({ to: '2026-02' }, '2026-02-28')).toBe(true);
    expect(inPeriod({ to: '2026-02' }, '2026-03-01')).toBe(false);
    expect(inPeriod({ from: '2026' }, '2025-12-31')).toBe(false);
    expect(inPeriod({}, '1900-01-01')).toBe(true);
    expect(periodsOverlap({ to: '2026-02-28' }, { from: '2026-03' })).toBe(false);
    expect(periodsOverlap({ to: '2026-03' }, { from: '2026-03-09' })).toBe(true);
    expect(periodsOverlap({ from: '2020', to: '2021' }, {})).toBe(true);
    expect(sameDate('2026-03', '2026-03-09')).toBe(true);
    expect(sameDate('2026-03-01', '2026-03-09')).toBe(false);
    expect(monthsBefore('2026-11-29', 6)).toBe('2026-05-28');
    expect(monthsBefore('2026-03-15', 6)).toBe('2025-09-15');
    expect(today(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});

describe('selection by the article date', () => {
  test('"Khamenei" alone is Ali before March 2026 and Mojtaba from then', () => {
    expect(run(DATED, 'Khamenei warned the West.', '2025-06-20')).toEqual(['Khamenei=ali-khamenei']);
    expect(run(DATED, 'Khamenei warned the West.', '2026-02-28')).toEqual(['Khamenei=ali-khamenei']);
    expect(run(DATED, 'Khamenei warned the West.', '2026-03-01')).toEqual(['Khamenei=mojtaba-khamenei']);
    expect(run(DATED, 'Khamenei warned the West.', '2026-09-14')).toEqual(['Khamenei=mojtaba-khamenei']);
  });

  test('"the Iran war" is the war of its time, and nothing before the first one', () => {
    expect(run(DATED, 'After the Iran war, talks resumed.', '2025-08-01')).toEqual(['the Iran war=twelve-day-war']);
    expect(run(DATED, 'After the Iran war, talks resumed.', '2026-05-01')).toEqual(['the Iran war=2026-iran-war']);
    expect(run(DATED, 'After the Iran war, talks resumed.', '2024-01-01')).toEqual([]);
  });

  test('"the Prime Minister of the UK" is whoever held the office on the date', () => {
    expect(run(DATED, 'the Prime Minister of the UK said', '2023-03-01')).toEqual(['the Prime Minister of the UK=rishi-sunak']);
    expect(run(DATED, 'the Prime Minister of the UK said', '2024-07-05')).toEqual(['the Prime Minister of the UK=keir-starmer']);
    expect(run(DATED, 'the Prime Minister of the UK said', '2019-01-01')).toEqual([]);
  });

  test('a name given in full earlier on the page still wins over the holder of the date', () => {
    // 2026: "Ali Khamenei … Khamenei’s death" is Ali (his afterFull alias, named most recently).
    expect(run(DATED, 'Ali Khamenei ruled for decades. Khamenei’s death changed Iran.', '2026-06-01')).toEqual([
      'Ali Khamenei=ali-khamenei',
      'Khamenei=ali-khamenei',
    ]);
    // The most recently named rival wins, as for afterFull aliases.
    expect(run(DATED, 'Ali Khamenei chose no heir; Mojtaba Khamenei was named. Khamenei spoke.', '2026-06-01').at(-1)).toBe('Khamenei=mojtaba-khamenei');
    // Before 2026-03 Mojtaba's dated alias does not exist, even after his full name: Ali's own dated alias names him.
    expect(run(DATED, 'Mojtaba Khamenei met clerics. Khamenei spoke.', '2025-01-01').at(-1)).toBe('Khamenei=ali-khamenei');
  });

  test('a dated alias names its entity in full: its afterFull aliases may follow', () => {
    expect(run(DATED, 'the Prime Minister of the UK arrived; Starmer spoke.', '2025-01-01')).toEqual([
      'the Prime Minister of the UK=keir-starmer',
      'Starmer=keir-starmer',
    ]);
  });

  test('without a date, today is used', () => {
    const now = today();
    const want = now >= '2026-03-01' ? 'mojtaba-khamenei' : 'ali-khamenei';
    expect(run(DATED, 'Khamenei', undefined)).toEqual([`Khamenei=${want}`]);
  });

  test('the page scan reads names at the date it is given, and keeps it for rescans and resets', async () => {
    const scan = new PageScan(new Matcher(compileIndex(DATED)));
    const root = document.createElement('div');
    root.innerHTML = '<p>Khamenei spoke on television.</p>';
    document.body.append(root);
    const ids = () => [...scan.records].map((r) => scan['matcher'].index.entities[r.entity].id);
    const immediate = () => Promise.resolve();
    await scan.scan(root, { yielder: immediate, date: '2025-05-05' });
    expect(ids()).toEqual(['ali-khamenei']);
    scan.reset();
    await scan.scan(root, { yielder: immediate });
    expect(ids()).toEqual(['ali-khamenei']);
    scan.reset();
    await scan.scan(root, { yielder: immediate, date: '2026-05-05' });
    expect(ids()).toEqual(['mojtaba-khamenei']);
    root.querySelector('p')!.append(' Later, Khamenei left.');
    await scan.rescan([root], { yielder: immediate });
    expect(ids()).toEqual(['mojtaba-khamenei', 'mojtaba-khamenei']);
    root.remove();
  });
});

describe('schema and audit of dated aliases', () => {
  const base = {
    type: 'person',
    summary: 'A person made up for tests.',
    facts: [
      { label: 'Born', value: '1950' },
      { label: 'Died', value: '2020' },
    ],
    links: { wikipedia: 'https://en.wikipedia.org/wiki/Test' },
    reviewed: '2026-11-29',
  };
  const person = (id: string, name: string, aliases: unknown[]) => ({ ...base, id, name, aliases, summary: `${base.summary} ${id}` });
  const problems = (...entities: unknown[]) => auditDataset([{ path: 'test.json', data: entities }]).problems.map((p) => p.message);

  test('from must not be after to; dates are ISO at any precision', () => {
    const ok = (alias: unknown) => validateEntity(person('a-b', 'A B', [alias])).ok;
    expect(ok({ text: 'AB title', from: '2020', to: '2021-06-30' })).toBe(true);
    expect(ok({ text: 'AB title', from: '2026-03-15', to: '2026-03' })).toBe(true);
    expect(ok({ text: 'AB title', to: '2026' })).toBe(true);
    expect(ok({ text: 'AB title', from: '2021', to: '2020' })).toBe(false);
    expect(ok({ text: 'AB title', from: '2021-13' })).toBe(false);
    expect(ok({ text: 'AB title', from: 'March 2021' })).toBe(false);
  });

  test('periods that do not overlap separate a shared alias; overlapping ones collide', () => {
    const ali = person('ali-khamenei', 'Ali Khamenei', [
      { text: 'Khamenei', afterFull: true },
      { text: 'Khamenei', to: '2026-02-28' },
    ]);
    const mojtaba = person('mojtaba-khamenei', 'Mojtaba Khamenei', [{ text: 'Khamenei', from: '2026-03' }]);
    expect(problems(ali, mojtaba)).toEqual([]);
    const [c] = findCollisions([ali, mojtaba] as never);
    expect(c.resolved).toBe(true);
    expect(c.entries.map((x) => x.rule)).toEqual(['afterFull', 'to 2026-02-28', 'from 2026-03']);
    // Both claim March 2026.
    const early = person('mojtaba-khamenei', 'Mojtaba Khamenei', [{ text: 'Khamenei', from: '2026-02' }]);
    expect(problems(ali, early)).toContain('alias "khamenei" is shared without a rule that separates the entities');
    // An undated claim overlaps every period.
    const always = person('mojtaba-khamenei', 'Mojtaba Khamenei', ['Khamenei']);
    expect(problems(ali, always)).toContain('alias "khamenei" is shared without a rule that separates the entities');
  });

  test('the name itself cannot be limited in time', () => {
    expect(problems(person('a-b', 'Alpha Beta', [{ text: 'Alpha Beta', to: '2020' }]))).toContain(
      'alias "Alpha Beta" repeats the name, which is always the entity\'s: a validity period cannot go on it',
    );
  });
});

describe('the index carries the period', () => {
  test('compiled, packed as an optional extra array, unpacked, merged', () => {
    const index = compileIndex(DATED);
    const khamenei = index.aliases.filter((a) => a.text === 'Khamenei');
    expect(khamenei.map((a) => [a.from, a.to])).toEqual([
      [undefined, undefined],
      [undefined, '2026-02-28'],
      ['2026-03', undefined],
    ]);
    const packed = packIndex(index);
    expect(packed.v).toBe(1);
    expect(packed.a.every((row) => row.length <= 4)).toBe(true);
    expect(packed.p?.length).toBe(6);
    expect(unpackIndex(JSON.parse(JSON.stringify(packed)))).toEqual(index);
    const merged = mergeIndexes(compileIndex([e('x-y', 'Xavier Y')]), index);
    expect(merged.aliases.filter((a) => a.from || a.to).length).toBe(6);
  });

  test('an index without periods packs exactly as before, and an old packed index still unpacks', () => {
    const plain = compileIndex([e('xi-jinping', 'Xi Jinping', [{ text: 'Xi', afterFull: true }])]);
    const packed = packIndex(plain);
    expect('p' in packed).toBe(false);
    expect(unpackIndex(packed)).toEqual(plain);
    // A reader that knows no periods sees a dated alias as always valid: nothing breaks.
    const { p: _ignored, ...old } = packIndex(compileIndex(DATED));
    expect(unpackIndex(old).aliases.some((a) => a.from || a.to)).toBe(false);
  });
});
