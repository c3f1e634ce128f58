/**
 * Build step: load data/, audit it (any problem fails the build), add country
 * names in other languages from i18n-iso-countries, people's missing surname aliases and products'
 * plurals, and compile the outputs.
 */
import { createRequire } from 'node:module';
import { auditDataset, CONSISTENCY_IS_ERROR, type LoadedEntity } from './dataset/audit';
import { compileCards, compileIndex } from '../utils/dataset/compile';
import { matchAliases } from '../utils/dataset/aliases';
import { isCommonWord } from './dataset/rules';
import { foldAlias } from '../utils/text/normalize';
import { packIndex, type PackedIndex } from '../utils/match/term-index';
import { compileIndexPayload, type CompiledIndex } from '../utils/match/compiled';
import type { Entity } from '../utils/dataset/validate';
import { loadDataFiles } from './load-data';
import { withSurnames } from './dataset/surnames';
import { withProductPlurals } from './dataset/plurals';
import { BUILD_ALIAS_OPTIONS } from './lib/english-words';

const require = createRequire(import.meta.url);
/** Languages whose country names readers of this extension may meet in text. */
const COUNTRY_NAME_LANGS = ['fr', 'es', 'de', 'it', 'pt', 'nl', 'pl', 'ru', 'uk', 'zh', 'ja', 'ko', 'ar', 'he', 'tr'];

export type DatasetMeta = { entities: number; aliases: number; date: string };
export type CompiledDataset = {
  index: PackedIndex;
  /** What a page receives: the matcher's tables compiled, strings and rules (utils/match/compiled.ts). */
  compiled: CompiledIndex;
  cards: ReturnType<typeof compileCards>;
  meta: DatasetMeta;
};

/** Country names in other languages, only those no other entity (or common word) could claim. */
export function withCountryNames(entities: LoadedEntity[]): Entity[] {
  const countries = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void;
    getName(code: string, lang: string, o?: { select: 'all' | 'official' | 'alias' }): string[] | string | undefined;
  };
  for (const lang of COUNTRY_NAME_LANGS) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  const taken = new Map<string, string>();
  for (const e of entities) for (const a of matchAliases(e, BUILD_ALIAS_OPTIONS)) taken.set(foldAlias(a.text), e.id);
  // Count how many countries claim each foreign name, so shared names are dropped.
  const proposals = new Map<string, Array<{ id: string; text: string; lang: string }>>();
  for (const e of entities) {
    if (!e.country || !/^(country|territory)/.test(e.kind ?? '')) continue;
    for (const lang of COUNTRY_NAME_LANGS) {
      const names = countries.getName(e.country, lang, { select: 'all' });
      for (const text of Array.isArray(names) ? names : names ? [names] : []) {
        const key = foldAlias(text);
        if (text.length < 4 && !/[\p{Script=Han}\p{Script=Hangul}]/u.test(text)) continue;
        if (isCommonWord(text) || taken.has(key)) continue;
        const list = proposals.get(key) ?? [];
        if (!list.some((p) => p.id === e.id)) list.push({ id: e.id, text, lang });
        proposals.set(key, list);
      }
    }
  }
  const extra = new Map<string, Array<{ text: string; lang: string }>>();
  for (const list of proposals.values()) {
    if (list.length !== 1) continue;
    const [p] = list;
    extra.set(p.id, [...(extra.get(p.id) ?? []), { text: p.text, lang: p.lang }]);
  }
  return entities.map(({ source: _source, ...e }) => {
    const more = extra.get(e.id);
    return more ? { ...e, aliases: [...e.aliases, ...more] } : e;
  });
}

/** The aliases the build adds to the data's: people's missing surnames, products' plurals ("F-35s"). */
export function withBuildAliases<T extends Entity>(entities: readonly T[]): T[] {
  return withProductPlurals(withSurnames(entities, BUILD_ALIAS_OPTIONS), BUILD_ALIAS_OPTIONS);
}

export function compileDataset(dir = 'data'): CompiledDataset {
  const { entities, problems, consistency } = auditDataset(loadDataFiles(dir), BUILD_ALIAS_OPTIONS);
  if (consistency.length > 0 && !CONSISTENCY_IS_ERROR) {
    // Warnings only until the data is fixed (CONSISTENCY_IS_ERROR in scripts/dataset/audit.ts makes them problems).
    const shown = consistency.slice(0, 10).map((p) => `  [${p.check}] ${p.where}: ${p.message}`);
    console.warn(
      `Dataset consistency: ${consistency.length} contradiction(s) between cards (warnings):\n${shown.join('\n')}${consistency.length > 10 ? '\n  …' : ''}\nRun "npm run data:check -- --consistency" for the full list.`,
    );
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 30).map((p) => `  ${p.where}: ${p.message}`);
    throw new Error(
      `Dataset has ${problems.length} problem(s):\n${shown.join('\n')}${problems.length > 30 ? '\n  …' : ''}\nRun "npm run data:check" for the full list.`,
    );
  }
  const full = withCountryNames(entities);
  // Surname aliases and designations' plurals go into the index only: a card lists the aliases its data gives.
  const index = compileIndex(withBuildAliases(full), BUILD_ALIAS_OPTIONS);
  const date = full.reduce((max, e) => (e.reviewed > max ? e.reviewed : max), '0000');
  return {
    index: packIndex(index),
    compiled: compileIndexPayload(index, { codeTables: true }),
    cards: compileCards(full),
    meta: { entities: full.length, aliases: index.aliases.length, date },
  };
}
