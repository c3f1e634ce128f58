/**
 * Consistency between cards, with deliberately contradicting fixtures: each check finds its
 * contradiction and names both places; the agreeing version of the same cards passes.
 */
import { describe, expect, test } from 'vitest';
import { auditDataset, CONSISTENCY_IS_ERROR } from '../../scripts/dataset/audit';
import { consistencyProblems, isOfficeLabel, officeGroups, personIndex, resolveName } from '../../scripts/dataset/consistency';
import type { Entity } from '../../utils/dataset/validate';

type Card = Entity & { source?: string };
let n = 0;
function card(id: string, type: Entity['type'], kind: string, name: string, rest: Partial<Entity> = {}): Card {
  return {
    id,
    type,
    kind,
    name,
    aliases: [],
    summary: `Made up for tests ${n++}.`,
    facts: [],
    links: { wikipedia: `https://en.wikipedia.org/wiki/${id}` },
    reviewed: '2026-11-29',
    source: `data/test/${type}.json`,
    ...rest,
  };
}

// A small world that agrees with itself.
const ruritania = () =>
  card('ruritania', 'place', 'country', 'Ruritania', {
    country: 'RU',
    facts: [
      { label: 'Capital', value: 'Strelsau' },
      { label: 'President', value: 'Anna Berg', from: '2021-05-01', asOf: '2026-06' },
    ],
    related: ['strelsau', 'anna-berg'],
  });
const strelsau = () =>
  card('strelsau', 'place', 'capital city', 'Strelsau', {
    country: 'RU',
    related: ['ruritania'],
    facts: [{ label: 'Population', value: '1 million', asOf: '2025' }],
  });
const anna = () =>
  card('anna-berg', 'person', 'head of state', 'Anna Berg', {
    aliases: [{ text: 'Berg', afterFull: true }],
    facts: [
      { label: 'President of Ruritania', value: 'Since May 2021', from: '2021-05', asOf: '2026-06' },
      { label: 'Leader of the Unity Party', value: 'Since 2019', from: '2019-03-02', asOf: '2026-06' },
    ],
    related: ['ruritania', 'unity-party'],
  });
const unity = () =>
  card('unity-party', 'organization', 'political party', 'Unity Party', {
    facts: [
      { label: 'Leader', value: 'Anna Berg', from: '2019-03-02', asOf: '2026-06' },
      { label: 'Founded', value: '1990' },
    ],
    related: ['anna-berg'],
  });
const bloc = () =>
  card('northern-bloc', 'organization', 'regional bloc', 'Northern Bloc', {
    members: ['ruritania', 'strelsau'],
    facts: [{ label: 'Member states', value: '2', asOf: '2026-06' }],
  });
const world = () => [ruritania(), strelsau(), anna(), unity(), bloc()];
const replace = (list: Card[], next: Card) => list.map((e) => (e.id === next.id ? next : e));

describe('reading offices and names', () => {
  test('office labels, and the office groups a label names', () => {
    for (const l of ['President', 'Prime minister', 'Head of state', 'Chairman and CEO', 'Secretary-General', 'Supreme Leader', 'Governor'])
      expect(isOfficeLabel(l), l).toBe(true);
    for (const l of ['Prime minister from the party', 'President (previous)', 'Founded', 'Leaders', 'Capital']) expect(isOfficeLabel(l), l).toBe(false);
    expect([...officeGroups('Prime Minister of India', { type: 'place' })]).toEqual(['head of government']);
    expect([...officeGroups('Deputy Prime Minister', { type: 'place' })]).toEqual([]);
    expect([...officeGroups('Vice-President of Ruritania', { type: 'place' })]).toEqual([]);
    expect([...officeGroups('Head of state', { type: 'place' })].sort()).toEqual(['head of state', 'monarch', 'president', 'supreme leader']);
    // In a party or company, its top titles are one office.
    expect([...officeGroups('President of the Unity Party', { type: 'organization' })]).toEqual(['head']);
    expect([...officeGroups('Chairman and CEO', { type: 'organization' })]).toEqual(['head', 'ceo']);
  });

  test('the person a value names first, by name or alias, with a title or a note after it', () => {
    const people = personIndex([
      anna(),
      card('charles-iii', 'person', 'monarch', 'Charles III', { aliases: ['King Charles'] }),
      card('a-b', 'person', 'x', 'Anna Berg Jr.'),
    ]);
    expect(resolveName('Charles III', people)).toBe('charles-iii');
    expect(resolveName('King Charles III', people)).toBe('charles-iii');
    expect(resolveName('Anna Berg (Ruritania), since 2021', people)).toBe('anna-berg');
    expect(resolveName('Anna Berg, re-elected 2025', people)).toBe('anna-berg');
    expect(resolveName('Anna Berg Jr.', people)).toBe('a-b');
    expect(resolveName('Anna Bergström', people)).toBeUndefined();
    expect(resolveName('Annals of Anna Berg', people)).toBeUndefined();
    // Folded as the matcher folds: "Ł" is "L", an en dash a hyphen.
    const lech = personIndex([card('lech-walesa', 'person', 'x', 'Lech Wałęsa'), card('j-k', 'person', 'x', 'Jean-Karl Øster')]);
    expect(resolveName('Lech Walesa (Poland)', lech)).toBe('lech-walesa');
    expect(resolveName('Jean–Karl Oster', lech)).toBe('j-k');
  });
});

describe('consistency between cards', () => {
  test('a world that agrees with itself has no contradictions', () => {
    expect(consistencyProblems(world())).toEqual([]);
  });

  test('(a) an office the person card ends, dates differently, or does not show at all', () => {
    const ended = anna();
    ended.facts[0] = { label: 'President of Ruritania', value: '2021–2026', from: '2021-05', to: '2026-01' };
    expect(consistencyProblems(replace(world(), ended))).toEqual([
      {
        check: 'office',
        where: 'data/test/place.json (ruritania) ↔ data/test/person.json (anna-berg)',
        message: `ruritania says anna-berg holds "President: Anna Berg" from 2021-05-01 now, but anna-berg's card ends it: "President of Ruritania: 2021–2026" from 2021-05 to 2026-01`,
      },
    ]);
    const later = anna();
    later.facts[0] = { label: 'President of Ruritania', value: 'Since 2022', from: '2022-05-01', asOf: '2026-06' };
    const [p] = consistencyProblems(replace(world(), later));
    expect(p.check).toBe('office');
    expect(p.message).toBe(
      `ruritania dates "President: Anna Berg" from 2021-05-01 differently from anna-berg's card: "President of Ruritania: Since 2022" from 2022-05-01`,
    );
    const retired = anna();
    retired.facts = [
      { label: 'Born', value: '1960' },
      { label: 'President of Ruritania', value: '2011–2016', from: '2011', to: '2016' },
    ];
    expect(consistencyProblems(replace(world(), retired)).map((x) => x.message)).toContain(
      `unity-party says anna-berg holds "Leader: Anna Berg" from 2019-03-02 now, but anna-berg's card shows no current office`,
    );
  });

  test('(a) a person card that lists other offices but not this one is an omission, not a contradiction', () => {
    const other = anna();
    other.facts = other.facts.slice(0, 1);
    expect(consistencyProblems(replace(world(), other)).filter((x) => x.check === 'office')).toEqual([]);
  });

  test('(b) a member count that disagrees with the members list', () => {
    const wrong = bloc();
    wrong.facts = [{ label: 'Members', value: '27 member states', asOf: '2026-06' }];
    expect(consistencyProblems(replace(world(), wrong))).toEqual([
      { check: 'members', where: 'data/test/organization.json (northern-bloc)', message: '"Members: 27 member states" counts 27, but `members` lists 2' },
    ]);
    // A count in words, a past count, or no list at all: nothing to compare.
    const words = bloc();
    words.facts = [
      { label: 'Members', value: 'Ruritania and Strelsau' },
      { label: 'Member states', value: '5', from: '1990', to: '2000' },
    ];
    expect(consistencyProblems(replace(world(), words))).toEqual([]);
  });

  test('(b) member ids must exist, once each (an audit problem: the count would be wrong otherwise)', () => {
    const b = { ...bloc(), members: ['ruritania', 'ruritania', 'atlantis'] };
    const { source: _s, ...raw } = b;
    const problems = auditDataset([{ path: 't.json', data: [raw] }]).problems.map((p) => p.message);
    expect(problems).toContain('member id "atlantis" does not exist');
    expect(problems).toContain('members lists an id twice');
  });

  test('(c) country ↔ capital and party ↔ leader listed one way only', () => {
    const city = { ...strelsau(), related: [] };
    const leader = { ...anna(), related: ['ruritania'] };
    const found = consistencyProblems(replace(replace(world(), city), leader));
    expect(found).toEqual([
      {
        check: 'symmetry',
        where: 'data/test/place.json (ruritania) → data/test/place.json (strelsau)',
        message: 'ruritania lists strelsau in related (country and its capital), but strelsau does not list ruritania',
      },
      {
        check: 'symmetry',
        where: 'data/test/organization.json (unity-party) → data/test/person.json (anna-berg)',
        message: 'unity-party lists anna-berg in related (party and its current leader), but anna-berg does not list unity-party',
      },
    ]);
    // Neither listing the other is not a one-way link.
    const apart = { ...ruritania(), related: ['anna-berg'] };
    expect(consistencyProblems(replace(replace(world(), city), apart))).toEqual([]);
  });

  test('(d) the same office of the same person dated differently on two cards', () => {
    const office = card('presidential-office-ruritania', 'organization', 'executive office', 'Presidential Office of Ruritania', {
      facts: [{ label: 'President', value: 'Anna Berg', from: '2021-06-15', asOf: '2026-06' }],
    });
    const noOwn = anna();
    noOwn.facts = [noOwn.facts[1]];
    const found = consistencyProblems([...replace(world(), noOwn), office]).filter((x) => x.check === 'dating');
    expect(found).toEqual([
      {
        check: 'dating',
        where: 'data/test/place.json (ruritania) ↔ data/test/organization.json (presidential-office-ruritania)',
        message: `anna-berg's current office is dated differently: ruritania "President: Anna Berg" from 2021-05-01, presidential-office-ruritania "President: Anna Berg" from 2021-06-15`,
      },
    ]);
    // Same label, two offices the person's card tells apart ("President" of a country and of a party): no contradiction.
    const party = { ...unity(), facts: [{ label: 'President', value: 'Anna Berg', from: '2019-03-02', asOf: '2026-06' }] };
    expect(consistencyProblems(replace(world(), party)).filter((x) => x.check === 'dating')).toEqual([]);
  });

  test('a separate category: the audit keeps it apart from problems until CONSISTENCY_IS_ERROR is switched on', () => {
    const city = { ...strelsau(), related: [] };
    const data = replace(world(), city).map(({ source: _s, ...e }) => e);
    const { problems, consistency } = auditDataset([{ path: 't.json', data }]);
    expect(consistency).toHaveLength(1);
    expect(problems.some((p) => p.message.includes('does not list'))).toBe(CONSISTENCY_IS_ERROR);
  });
});
