/**
 * Audits a whole dataset: schema, ids, editorial rules, references and alias
 * collisions. Pure: takes parsed files, returns problems. The build fails on any
 * problem; the report prints them; tests assert there are none.
 */
import { validateEntity, type Entity } from '../../utils/dataset/validate';
import { aliasObject, isCaseSensitive, matchAliases, type AliasOptions } from '../../utils/dataset/aliases';
import { hasPeriod, periodsOverlap, type Period } from '../../utils/text/dates';
import { foldAlias } from '../../utils/text/normalize';
import { consistencyProblems, type ConsistencyProblem } from './consistency';
import { rulePriorities } from './priorities';
import { withSurnames } from './surnames';
import { withProductPlurals } from './plurals';

/**
 * Whether contradictions between cards (./consistency.ts) fail the build like any other problem.
 * false while the data team fixes the ones found: the build prints them as warnings, and only
 * `npm run data:check -- --consistency` fails on them. Switch to true once the dataset is clean.
 */
export const CONSISTENCY_IS_ERROR = true;
import { hasDate, isCapitalisedClash, isCommonWord, isConditional, isVolatileFact } from './rules';

/** A parsed source file; `problems` are ones found while loading it (an other-language names file). */
export type SourceFile = { path: string; data: unknown; problems?: Array<{ where: string; message: string }> };
export type Problem = { where: string; message: string };
export type LoadedEntity = Entity & { source: string };

export type Collision = {
  key: string;
  entries: Array<{ id: string; text: string; rule: string }>;
  resolved: boolean;
};

export function validateFiles(files: SourceFile[]): { entities: LoadedEntity[]; problems: Problem[] } {
  const entities: LoadedEntity[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    problems.push(...(file.problems ?? []));
    if (!Array.isArray(file.data)) {
      problems.push({ where: file.path, message: 'a data file must hold a JSON array of entities' });
      continue;
    }
    file.data.forEach((raw, i) => {
      const label = `${file.path}[${i}]${isRecord(raw) && typeof raw.id === 'string' ? ` (${raw.id})` : ''}`;
      const checked = validateEntity(raw);
      if (!checked.ok) {
        for (const issue of checked.issues) problems.push({ where: `${label}.${issue.path}`, message: issue.message });
        return;
      }
      entities.push({ ...checked.entity, source: file.path });
    });
  }
  return { entities, problems };
}

/** Rules that hold for the bundled dataset (a custom glossary is allowed to be thinner). */
export function editorialProblems(entities: LoadedEntity[], opts: AliasOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  for (const e of entities) {
    const where = `${e.source} (${e.id})`;
    const previous = ids.get(e.id);
    if (previous) problems.push({ where, message: `duplicate id, also in ${previous}` });
    ids.set(e.id, e.source);
    if (e.facts.length < 2) problems.push({ where, message: 'needs at least two facts' });
    if (!e.links.wikipedia) problems.push({ where, message: 'needs a Wikipedia link' });
    for (const fact of e.facts) {
      if (isVolatileFact(fact) && !hasDate(fact)) {
        problems.push({ where, message: `fact "${fact.label}" can change, so it needs from, to or asOf` });
      }
    }
    for (const alias of e.aliases.map(aliasObject)) {
      if (hasPeriod(alias) && foldAlias(alias.text) === foldAlias(e.name)) {
        problems.push({ where, message: `alias "${alias.text}" repeats the name, which is always the entity's: a validity period cannot go on it` });
      }
    }
    for (const alias of matchAliases(e, opts)) {
      if (isCommonWord(alias.text) && !isCaseSensitive(alias) && !isConditional(alias)) {
        problems.push({ where, message: `alias "${alias.text}" is a common word: add caseSensitive, afterFull or context` });
      }
      if (isCapitalisedClash(alias.text) && !isConditional(alias)) {
        problems.push({
          where,
          message: `alias "${alias.text}" means something else even when capitalised: add afterFull or context`,
        });
      }
    }
  }
  for (const e of entities) {
    const where = `${e.source} (${e.id})`;
    for (const r of e.related ?? []) {
      if (!ids.has(r)) problems.push({ where, message: `related id "${r}" does not exist` });
      if (r === e.id) problems.push({ where, message: 'an entity cannot be related to itself' });
    }
    for (const m of e.members ?? []) {
      if (!ids.has(m)) problems.push({ where, message: `member id "${m}" does not exist` });
      if (m === e.id) problems.push({ where, message: 'an entity cannot be a member of itself' });
    }
    if (e.members && new Set(e.members).size !== e.members.length) problems.push({ where, message: 'members lists an id twice' });
    for (const a of e.aliases.map(aliasObject)) {
      for (const c of a.context ?? []) {
        if (!ids.has(c)) problems.push({ where, message: `context id "${c}" of alias "${a.text}" does not exist` });
      }
    }
  }
  return problems;
}

/**
 * Aliases shared by several entities. A collision is resolved when at most one
 * entity can claim the text without a rule at any date: the others need `afterFull` or
 * `context`, case-sensitive spellings that differ, or validity periods (`from`/`to`)
 * that do not overlap ("Khamenei": Ali until 2026-02-28, Mojtaba from 2026-03).
 */
export function findCollisions(entities: Array<Pick<Entity, 'id' | 'name' | 'aliases'>>, opts: AliasOptions = {}): Collision[] {
  type Entry = { id: string; text: string; cs: boolean; cond: boolean; period: Period; rule: string };
  const groups = new Map<string, Entry[]>();
  for (const e of entities) {
    const seen = new Set<string>();
    for (const a of matchAliases(e, opts)) {
      const key = foldAlias(a.text);
      const cs = isCaseSensitive(a);
      const cond = isConditional(a);
      const dedupe = [key, cs ? a.text : '', cond ? 'c' : '', a.from ?? '', a.to ?? ''].join('\u0000');
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      const rule = [
        cs && 'caseSensitive',
        a.afterFull && 'afterFull',
        a.context && `context: ${a.context.join(', ')}`,
        hasPeriod(a) && `${a.from ? `from ${a.from}` : ''}${a.from && a.to ? ' ' : ''}${a.to ? `to ${a.to}` : ''}`,
      ]
        .filter(Boolean)
        .join('; ');
      const list = groups.get(key) ?? [];
      list.push({ id: e.id, text: a.text, cs, cond, period: { from: a.from, to: a.to }, rule: rule || 'none' });
      groups.set(key, list);
    }
  }
  const out: Collision[] = [];
  for (const [key, list] of groups) {
    if (new Set(list.map((x) => x.id)).size < 2) continue;
    const free = list.filter((x) => !x.cond);
    let resolved = true;
    for (let i = 0; i < free.length; i++) {
      for (let j = i + 1; j < free.length; j++) {
        const a = free[i];
        const b = free[j];
        if (a.id === b.id) continue;
        const canOverlap = !(a.cs && b.cs && a.text !== b.text) && periodsOverlap(a.period, b.period);
        if (canOverlap) resolved = false;
      }
    }
    out.push({ key, entries: list.map(({ id, text, rule }) => ({ id, text, rule })), resolved });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** `opts.isWord` (build time): audit the title-case newsroom forms the build adds, as the matcher will see them. */
export function auditDataset(files: SourceFile[], opts: AliasOptions = {}) {
  const { entities, problems } = validateFiles(files);
  const collisions = findCollisions(entities, opts);
  // As the build compiles them: with the surname and plural aliases it adds.
  const priorities = rulePriorities(withProductPlurals(withSurnames(entities, opts), opts), opts);
  const consistency: ConsistencyProblem[] = consistencyProblems(entities);
  const all: Problem[] = [
    ...problems,
    ...editorialProblems(entities, opts),
    ...collisions
      .filter((c) => !c.resolved)
      .map((c) => ({
        where: c.entries.map((e) => e.id).join(' / '),
        message: `alias "${c.key}" is shared without a rule that separates the entities`,
      })),
    ...(CONSISTENCY_IS_ERROR ? consistency.map(({ where, message }) => ({ where, message })) : []),
  ];
  return { entities, collisions, priorities, problems: all, consistency };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
