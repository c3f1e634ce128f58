/**
 * Short forms: party short names only with their country on the page ("Labour", "the Tories"), plurals of
 * model designations ("F-16s", "H100s", added at build time for products made in numbers), and spelled-out
 * numbers ("World War Two").
 */
import { describe, expect, test } from 'vitest';
import { compileDataset, withBuildAliases } from '../../scripts/compile-dataset';
import { isDesignation, withProductPlurals } from '../../scripts/dataset/plurals';
import type { Entity } from '../../utils/dataset/validate';
import { Matcher } from '../../utils/match/matcher';
import { newRuleState, selectMentions } from '../../utils/match/select';

type Item = Pick<Entity, 'id' | 'type' | 'name' | 'aliases'> & Partial<Pick<Entity, 'kind'>>;
const product = (id: string, name: string, kind: string, aliases: Item['aliases'] = []): Item => ({ id, type: 'product', kind, name, aliases });

describe('plurals of model designations', () => {
  test('a designation has a digit and ends in a digit or a capital other than S', () => {
    expect(['F-16', 'Su-57', 'Leopard 2', 'TB2', 'H100', 'F-15EX', 'HIMARS', 'Patriot', 'Tomahawk', 'ATACMS', 'Шахед-136'].map(isDesignation)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test('added with the alias rules to products made in numbers, where no other alias claims the text', () => {
    const out = withProductPlurals([
      product('f-35', 'F-35', 'fighter aircraft', [{ text: 'F-35A', caseSensitive: true, afterFull: true }]),
      product('toy-story-4', 'Toy Story 4', 'film'),
      product('h100', 'H100', 'chip'),
      { ...product('h100s', 'H100s', 'x'), type: 'organization' },
    ]);
    expect(out[0].aliases).toEqual([
      { text: 'F-35A', caseSensitive: true, afterFull: true },
      { text: 'F-35s' },
      { text: 'F-35As', caseSensitive: true, afterFull: true },
    ]);
    expect(out[1].aliases).toEqual([]);
    expect(out[2].aliases).toEqual([]); // "H100s" is another entity's name
  });
});

describe('short forms in the bundled dataset', () => {
  const { compiled } = compileDataset('data');
  const find = async (text: string) => {
    const m = await Matcher.create(compiled);
    const state = newRuleState('2026-12-07');
    selectMentions(m.rules, m.find(text), state, text); // the page scan's second look for context rules
    return selectMentions(m.rules, m.find(text), state, text).map((x) => `${text.slice(x.start, x.end)}=${m.index.entities[x.entity].id}`);
  };

  test('"Labour" and "the Tories" are the UK parties only with a UK entity on the page', async () => {
    expect(await find('Labour and the Tories clashed.')).toEqual([]);
    expect(await find('Labour and the Tories clashed over Kemi Badenoch.')).toEqual([
      'Labour=labour-party-uk',
      'Tories=conservative-party-uk',
      'Kemi Badenoch=kemi-badenoch',
    ]);
    expect(await find('Labour won in Wellington, New Zealand.')).toContain('Labour=new-zealand-labour-party');
  });

  test('plurals of designations and spelled-out world wars', async () => {
    expect(await find('Four F-16s, two H100s and the Sukhoi Su-35s.')).toEqual([
      'F-16s=general-dynamics-f-16-fighting-falcon',
      'H100s=hopper-microarchitecture',
      'Sukhoi Su-35s=sukhoi-su-35',
    ]);
    expect(await find('World War Two, World War 2 and World War One.')).toEqual([
      'World War Two=world-war-ii',
      'World War 2=world-war-ii',
      'World War One=world-war-i',
    ]);
  });

  test('the build adds them to the index, not to the cards', () => {
    expect(
      withBuildAliases([
        { id: 'x', type: 'product', kind: 'drone', name: 'Shahed-136', aliases: [], summary: '', facts: [], links: {}, reviewed: '2026-01-01' },
      ])[0].aliases,
    ).toEqual([{ text: 'Shahed-136s' }]);
  });
});
