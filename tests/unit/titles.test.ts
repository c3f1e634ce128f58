/**
 * Honorifics and titles as evidence for a surname: "Mr Rutte", "Ms von der Leyen", "Prime Minister Turnbull",
 * "Defense Secretary Gates". The build adds missing surname aliases, the compiler flags them (and gives
 * surnames several people share their related entities as hints), and the selection treats a title right
 * before a surname as the full name.
 */
import { describe, expect, test } from 'vitest';
import { isSurnameAlias, surnameOf } from '../../utils/dataset/aliases';
import { compileIndex } from '../../utils/dataset/compile';
import type { Entity } from '../../utils/dataset/validate';
import { compileIndexPayload } from '../../utils/match/compiled';
import { decodeIndexFile, encodeIndexFile } from '../../utils/match/index-file';
import { Matcher } from '../../utils/match/matcher';
import { newRuleState, selectMentions } from '../../utils/match/select';
import { FLAG_SURNAME, packIndex, unpackIndex } from '../../utils/match/term-index';
import { titleBefore } from '../../utils/match/titles';
import { PageScan } from '../../utils/scan/page-scan';
import { missingSurname, withSurnames } from '../../scripts/dataset/surnames';

type Mini = Pick<Entity, 'id' | 'type' | 'name' | 'aliases'> & Partial<Pick<Entity, 'related' | 'country' | 'kind'>>;
const person = (id: string, name: string, aliases: Mini['aliases'] = [], related: string[] = []): Mini => ({ id, type: 'person', name, aliases, related });
const thing = (id: string, name: string, aliases: Mini['aliases'] = []): Mini => ({ id, type: 'organization', name, aliases });

const WORLD: Mini[] = withSurnames([
  person('mark-rutte', 'Mark Rutte', [{ text: 'Rutte', afterFull: true }], ['nato']),
  person('ursula-von-der-leyen', 'Ursula von der Leyen', [], ['european-union']),
  person('malcolm-turnbull', 'Malcolm Turnbull', [{ text: 'Turnbull', afterFull: true }]),
  person('luis-montenegro', 'Luís Montenegro', [{ text: 'Montenegro', caseSensitive: true, afterFull: true }]),
  { ...thing('montenegro', 'Montenegro'), type: 'place' },
  person('bill-gates', 'Bill Gates', [{ text: 'Gates', afterFull: true }], ['microsoft']),
  person('robert-gates', 'Robert Gates', [], ['pentagon']),
  thing('microsoft', 'Microsoft'),
  thing('pentagon', 'the Pentagon'),
  thing('nato', 'NATO'),
  thing('european-union', 'European Union'),
]);

function run(text: string, entities: Mini[] = WORLD): string[] {
  const index = compileIndex(entities);
  const m = new Matcher(index);
  const state = newRuleState('2026-12-07');
  // Twice, as the page scan gives blocks with context (and hint) candidates a second look with the final state.
  selectMentions(index, m.find(text), state, text);
  return selectMentions(m.rules, m.find(text), state, text).map((x) => `${text.slice(x.start, x.end)}=${index.entities[x.entity].id}`);
}

describe('titles before a name', () => {
  test('honorifics, offices and their French, Spanish and German forms, right before the name', () => {
    const yes = [
      'Mr ',
      'Mr. ',
      'Mrs ',
      'Ms ',
      'Dr ',
      'Sir ',
      'Dame ',
      'Lord ',
      'President ',
      'Prime Minister ',
      'prime minister ',
      'Chancellor ',
      'Senator ',
      'Defense Secretary ',
      'Foreign Minister ',
      'General ',
      'M. ',
      'Mme ',
      'Sr. ',
      'Sra. ',
      'Herr ',
      'Frau ',
      'Präsident ',
      'Président ',
      'Presidente ',
      'Bundeskanzlerin ',
      'said Mr\u00a0',
      'x.General ',
      'é Mr ',
      '(Mme ',
    ];
    for (const t of yes) expect(titleBefore(`${t}Name`, t.length), t).toBe(true);
    const no = [
      '',
      ' ',
      'Mr',
      'Mr  ',
      'Coach ',
      'general ',
      'the king ',
      'at 3 p.m. ',
      'Hammer ',
      'Mrs. and ',
      'Presidents ',
      'Xmr ',
      'a.M. ',
      '2Gen. ',
      'éMr ',
      'ExGeneral ',
    ];
    for (const t of no) expect(titleBefore(`${t}Name`, t.length), JSON.stringify(t)).toBe(false);
  });
});

describe('surnames', () => {
  test('the last word, with the particles before it; a name of one word has none', () => {
    expect(
      [
        'Mark Rutte',
        'Ursula von der Leyen',
        'Luiz Inácio Lula da Silva',
        'Martin Luther King Jr.',
        'Bashar al-Assad',
        'Tamim bin Hamad Al Thani',
        'Charles III',
        'Madonna',
        'Владимир Путин',
      ].map(surnameOf),
    ).toEqual(['Rutte', 'von der Leyen', 'da Silva', 'King', 'al-Assad', 'Al Thani', null, null, null]);
    expect(isSurnameAlias('Rutte', 'Mark Rutte')).toBe(true);
    expect(isSurnameAlias('Xi', 'Xi Jinping')).toBe(true); // family name first
    expect(isSurnameAlias('Mark Rutte', 'Mark Rutte')).toBe(false);
    expect(isSurnameAlias('NATO chief', 'Mark Rutte')).toBe(false);
  });

  test('the build adds a surname alias (afterFull, case-sensitive) only where the card has no short form and nothing else claims it', () => {
    const rg = WORLD.find((e) => e.id === 'robert-gates')!;
    expect(rg.aliases).toEqual([{ text: 'Gates', afterFull: true, caseSensitive: true }]);
    // Has one already, or styles, stage names and family-name-first countries.
    expect(missingSurname(person('x', 'Mark Rutte', ['Rutte']))).toBeNull();
    expect(missingSurname(person('x', 'Xi Jinping', [{ text: 'Xi', afterFull: true }]))).toBeNull();
    expect(missingSurname({ ...person('x', 'Li Qiang'), country: 'CN' })).toBeNull();
    expect(missingSurname(person('x', 'Pope Leo XIV'))).toBeNull();
    expect(missingSurname(person('x', 'Peter the Great'))).toBeNull();
    expect(missingSurname(person('x', 'Abdullah II of Jordan'))).toBeNull();
    expect(missingSurname({ ...person('x', 'Iggy Pop'), kind: 'singer' })).toBeNull();
    expect(missingSurname(person('x', 'Lyndon B. Johnson'))).toBe('Johnson');
    // Something else when capitalised ("the Pope"), or a short word that starts sentences: left to the data.
    expect(missingSurname(person('x', 'Amy Pope'))).toBeNull();
    expect(missingSurname(person('x', 'Sandra Oh'), { isWord: (w) => w === 'oh' })).toBeNull();
    // Another entity's alias that is not a surname keeps it: "Thomas Jordan" gets no "Jordan" beside the country.
    const [tj] = withSurnames([person('thomas-jordan', 'Thomas Jordan'), { ...thing('jordan', 'Jordan'), type: 'place' }]);
    expect(tj.aliases).toEqual([]);
  });

  test("the compiler flags surnames, and gives a shared one its person's related entities as hints, through every format", () => {
    const index = compileIndex(WORLD);
    const flagged = index.aliases.filter((a) => a.flags & FLAG_SURNAME).map((a) => `${a.text}=${index.entities[a.entity].id}`);
    expect(flagged.sort()).toEqual([
      'Gates=bill-gates',
      'Gates=robert-gates',
      'Montenegro=luis-montenegro',
      'Rutte=mark-rutte',
      'Turnbull=malcolm-turnbull',
      'von der Leyen=ursula-von-der-leyen',
    ]);
    const ids = (a: { hints?: number[] }) => a.hints?.map((h) => index.entities[h].id);
    expect(index.aliases.filter((a) => a.hints).map(ids)).toEqual([['microsoft'], ['pentagon']]);
    expect(unpackIndex(JSON.parse(JSON.stringify(packIndex(index))))).toEqual(index);
    const payload = decodeIndexFile(encodeIndexFile(compileIndexPayload(index)).slice().buffer);
    expect(payload.hints).toEqual(compileIndexPayload(index).hints);
  });
});

describe('a title before a surname names the person', () => {
  test('a surname alone is not marked; after a title it is, and so is the bare surname after it', () => {
    expect(run('Rutte said no.')).toEqual([]);
    expect(run('Mr Rutte said no. Later Rutte agreed.')).toEqual(['Rutte=mark-rutte', 'Rutte=mark-rutte']);
    expect(run('Prime Minister Turnbull spoke.')).toEqual(['Turnbull=malcolm-turnbull']);
    expect(run('Ms von der Leyen spoke.')).toEqual(['von der Leyen=ursula-von-der-leyen']);
  });

  test('it beats an unconditional rival, as the full name does: "Prime Minister Montenegro" is the person', () => {
    expect(run('Montenegro voted.')).toEqual(['Montenegro=montenegro']);
    expect(run('Prime Minister Montenegro voted.')).toEqual(['Montenegro=luis-montenegro']);
  });

  test("a surname two people share: the one the page's related entities favour, else nothing", () => {
    expect(run('Mr Gates spoke.')).toEqual([]);
    expect(run('Microsoft said Mr Gates spoke.')).toEqual(['Microsoft=microsoft', 'Gates=bill-gates']);
    expect(run('Defense Secretary Gates spoke at the Pentagon.')).toEqual(['Gates=robert-gates', 'the Pentagon=pentagon']);
    expect(run('Microsoft and the Pentagon: Mr Gates spoke.')).toEqual(['Microsoft=microsoft', 'the Pentagon=pentagon']);
    // A full name still decides, title or not.
    expect(run('Robert Gates arrived. Mr Gates spoke.').at(-1)).toBe('Gates=robert-gates');
  });

  test('a surname one person has without conditions: a title for the other, told apart by the page, takes it back', () => {
    const starmers = withSurnames([
      person('keir-starmer', 'Keir Starmer', ['Starmer'], ['united-kingdom']),
      person('victoria-starmer', 'Victoria Starmer', [], ['keir-starmer']),
      { ...thing('united-kingdom', 'United Kingdom'), type: 'place' as const },
    ]);
    expect(run('Mr Starmer said.', starmers)).toEqual(['Starmer=keir-starmer']);
    expect(run('Victoria Starmer spoke. Starmer smiled.', starmers).at(-1)).toBe('Starmer=victoria-starmer');
    expect(run('Victoria Starmer spoke in the United Kingdom. Mr Starmer smiled.', starmers).at(-1)).toBe('Starmer=keir-starmer');
  });

  test('the page scan gives the selection the block text', async () => {
    document.body.innerHTML = '<p>Mr <a href="#">Rutte</a> spoke.</p><p>Rutte left.</p>';
    const scan = new PageScan(new Matcher(compileIndex(WORLD)));
    await scan.scan(document.body, { yielder: () => Promise.resolve() });
    expect(scan.ordered().map((r) => r.text)).toEqual(['Rutte', 'Rutte']);
  });
});
