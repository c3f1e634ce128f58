/**
 * Rule priorities: where an alias without conditions and another entity's conditional alias match the same
 * text, the audit states which wins (scripts/dataset/priorities.ts, printed by npm run data:report), and
 * select.ts does what it states.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatPriority, rulePriorities, type PriorityPair } from '../../scripts/dataset/priorities';
import { auditDataset } from '../../scripts/dataset/audit';
import { compileIndex } from '../../utils/dataset/compile';
import type { Entity } from '../../utils/dataset/validate';
import { Matcher } from '../../utils/match/matcher';
import { newRuleState, selectMentions } from '../../utils/match/select';

type Mini = Pick<Entity, 'id' | 'type' | 'name' | 'aliases'>;
const e = (id: string, name: string, aliases: Mini['aliases'] = [], type: Mini['type'] = 'organization'): Mini => ({ id, type, name, aliases });

const WORLD: Mini[] = [
  e('montenegro', 'Republic of Montenegro', ['Montenegro'], 'place'),
  e('luis-montenegro', 'Luís Montenegro', [{ text: 'Montenegro', caseSensitive: true, afterFull: true }], 'person'),
  e('mediterranean-shipping-company', 'Mediterranean Shipping Company', [{ text: 'MSC', caseSensitive: false }]),
  e('munich-security-conference', 'Munich Security Conference', [{ text: 'MSC', context: ['nato'] }]),
  e('nato', 'North Atlantic Treaty Organization', ['NATO']),
  e('sao-tome-and-principe', 'São Tomé and Príncipe', ['São Tomé'], 'place'),
  e('sao-tome', 'São Tomé city', [{ text: 'Sao Tome', context: ['sao-tome-and-principe'] }], 'place'),
  e('lodz', 'Łódź', [], 'place'),
  e('imo-state', 'Imo State', [{ text: 'IMO', caseSensitive: true }], 'place'),
  e('international-maritime-organization', 'International Maritime Organization', [{ text: 'Imo', caseSensitive: false, context: ['nato'] }]),
  e('lodz-fc', 'ŁKS Lodz', [{ text: 'Lodz', from: '2020', to: '2030' }]),
  // Same folded text, but both case-sensitive with different letter case: never on the same text, so no pair.
  e('kia', 'Kia Corporation', [{ text: 'Kia', caseSensitive: true }]),
  e('kachin-independence-army', 'Kachin Independence Army', [{ text: 'KIA', context: ['nato'] }]),
];

function run(entities: Mini[], text: string): string[] {
  const index = compileIndex(entities);
  const state = newRuleState('2026-12-07');
  const m = new Matcher(index);
  // Twice, as the page scan gives blocks with context candidates a second look with the final state.
  selectMentions(index, m.find(text), state);
  return selectMentions(index, m.find(text), state).map((x) => `${text.slice(x.start, x.end)}=${index.entities[x.entity].id}`);
}

describe('rule priorities', () => {
  const pairs = rulePriorities(WORLD);

  test('every pair of an unconditional and a conditional alias of two entities, folded as the matcher folds, with its rule', () => {
    expect(pairs.map(formatPriority)).toEqual([
      '"imo": imo-state [caseSensitive] vs international-maritime-organization [context: nato] → international-maritime-organization when nato is on the page; otherwise imo-state (written other than "IMO", international-maritime-organization under its own rule)',
      '"lodz": lodz [none] vs lodz-fc [from 2020 to 2030] → lodz always (an alias without conditions beats a dated one)',
      '"montenegro": montenegro [none] vs luis-montenegro [caseSensitive; afterFull] → luis-montenegro once its full name was read more recently than montenegro was named; otherwise montenegro',
      '"msc": mediterranean-shipping-company [none] vs munich-security-conference [caseSensitive; context: nato] → munich-security-conference when nato is on the page; otherwise mediterranean-shipping-company',
      '"sao tome": sao-tome-and-principe [none] vs sao-tome [context: sao-tome-and-principe] → sao-tome-and-principe always (its only context is sao-tome-and-principe itself)',
    ]);
    expect(pairs.map((p) => p.decides.kind)).toEqual(['context', 'never', 'afterFull', 'context', 'never']);
  });

  test('select.ts does what each pair says', () => {
    const name = (id: string) => WORLD.find((x) => x.id === id)!.name;
    const shared = (p: PriorityPair) => p.free.text;
    for (const p of pairs) {
      const text = shared(p);
      // Nothing else on the page: the unconditional alias.
      expect(run(WORLD, `${text} again.`), p.key).toEqual([`${text}=${p.free.id}`]);
      const d = p.decides;
      if (d.kind === 'afterFull') {
        // Its full name earlier: the conditional alias; the rival named since: the rival again.
        expect(run(WORLD, `${name(p.conditional.id)} spoke. ${text} again.`).at(-1), p.key).toBe(`${text}=${p.conditional.id}`);
        expect(run(WORLD, `${name(p.conditional.id)} spoke of ${name(p.free.id)}. ${text} again.`).at(-1), p.key).toBe(`${text}=${p.free.id}`);
      } else if (d.kind === 'context') {
        // Its context anywhere on the page (before or after): the conditional alias.
        expect(run(WORLD, `${name(d.context[0])} met. ${text} again.`).at(-1), p.key).toBe(`${text}=${p.conditional.id}`);
        expect(run(WORLD, `${text} again. ${name(d.context[0])} met.`)[0], p.key).toBe(`${text}=${p.conditional.id}`);
      } else {
        // Whatever else the page says.
        const c = WORLD.find((x) => x.id === p.conditional.id)!;
        const hints = c.aliases.flatMap((a) => (typeof a === 'string' ? [] : (a.context ?? []))).map(name);
        expect(run(WORLD, `${[c.name, ...hints].join('. ')}. ${text} again.`).at(-1), p.key).toBe(`${text}=${p.free.id}`);
      }
    }
  });

  test('the audit returns them, and the unconditional alias still wins on pages without the condition', () => {
    const files = [{ path: 'x.json', data: [] }];
    expect(auditDataset(files).priorities).toEqual([]);
    expect(run(WORLD, 'Luís Montenegro met NATO leaders. Montenegro said MSC would host.')).toEqual([
      'Luís Montenegro=luis-montenegro',
      'NATO=nato',
      'Montenegro=luis-montenegro',
      'MSC=munich-security-conference',
    ]);
    expect(run(WORLD, 'Montenegro joined NATO in 2017. MSC ships call at its ports.')).toEqual([
      'Montenegro=montenegro',
      'NATO=nato',
      'MSC=munich-security-conference',
    ]);
    expect(run(WORLD, 'Montenegro: MSC ships call at its ports.')).toEqual(['Montenegro=montenegro', 'MSC=mediterranean-shipping-company']);
    // "Imo" in title case is only the conditional alias's: it needs its context even without a rival.
    expect(run(WORLD, 'IMO and Imo.')).toEqual(['IMO=imo-state']);
    expect(run(WORLD, 'IMO and Imo, says NATO.')).toEqual(['IMO=international-maritime-organization', 'Imo=international-maritime-organization', 'NATO=nato']);
  });
});

describe('npm run data:report', () => {
  test('prints "Rule priorities: N pairs" with the rule of each, and the pairs as JSON with --json', () => {
    const card = (e: Mini, summary: string) => ({
      ...e,
      summary,
      facts: [
        { label: 'Founded', value: '1900' },
        { label: 'Note', value: 'Made up for tests' },
      ],
      links: { wikipedia: `https://en.wikipedia.org/wiki/${e.id}` },
      reviewed: '2026-12-01',
    });
    const dir = mkdtempSync(join(tmpdir(), 'backstory-report-'));
    try {
      writeFileSync(
        join(dir, 'world.json'),
        JSON.stringify([
          card(WORLD[0], 'A country for tests.'),
          card(WORLD[1], 'A person for tests.'),
          card(WORLD[4], 'An alliance for tests.'),
          card(WORLD[2], 'A shipping line.'),
          card(WORLD[3], 'A conference.'),
        ]),
      );
      const run = (...args: string[]) =>
        execFileSync('npx', ['tsx', 'scripts/data-report.ts', ...args], { env: { ...process.env, BACKSTORY_DATA_DIR: dir }, encoding: 'utf8' });
      const text = run();
      expect(text).toContain('## Rule priorities: 2 pairs');
      expect(text).toContain(
        '"montenegro": montenegro [none] vs luis-montenegro [caseSensitive; afterFull] → luis-montenegro once its full name was read more recently than montenegro was named; otherwise montenegro',
      );
      const json = JSON.parse(run('--json')) as { priorities: PriorityPair[]; problems: unknown[] };
      expect(json.problems).toEqual([]);
      expect(json.priorities.map((p) => [p.key, p.decides.kind])).toEqual([
        ['montenegro', 'afterFull'],
        ['msc', 'context'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
