/**
 * Audits a whole dataset: schema, ids, editorial rules, references and alias
 * collisions. Pure: takes parsed files, returns problems. The build fails on any
 * problem; the report prints them; tests assert there are none.
 */
import { entitySchema, type Entity } from './schema';
import {
  aliasObject,
  foldForCompare,
  hasDate,
  isCaseSensitive,
  isCapitalisedClash,
  isCommonWord,
  isConditional,
  isVolatileFact,
  matchAliases,
} from './rules';

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
      const parsed = entitySchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          problems.push({ where: `${label}.${issue.path.join('.')}`, message: issue.message });
        }
        return;
      }
      entities.push({ ...parsed.data, source: file.path });
    });
  }
  return { entities, problems };
}

/** Rules that hold for the bundled dataset (a custom glossary is allowed to be thinner). */
export function editorialProblems(entities: LoadedEntity[]): Problem[] {
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
    for (const alias of matchAliases(e)) {
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
 * entity can claim the text without a rule: the others need `afterFull` or
 * `context`, or case-sensitive spellings that differ.
 */
export function findCollisions(entities: Array<Pick<Entity, 'id' | 'name' | 'aliases'>>): Collision[] {
  const groups = new Map<string, Array<{ id: string; text: string; cs: boolean; cond: boolean; rule: string }>>();
  for (const e of entities) {
    const seen = new Set<string>();
    for (const a of matchAliases(e)) {
      const key = foldForCompare(a.text);
      const cs = isCaseSensitive(a);
      const dedupe = `${key}\u0000${cs ? a.text : ''}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      const rule = [cs && 'caseSensitive', a.afterFull && 'afterFull', a.context && `context: ${a.context.join(', ')}`]
        .filter(Boolean)
        .join('; ');
      const list = groups.get(key) ?? [];
      list.push({ id: e.id, text: a.text, cs, cond: isConditional(a), rule: rule || 'none' });
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
        const canOverlap = !(a.cs && b.cs && a.text !== b.text);
        if (canOverlap) resolved = false;
      }
    }
    out.push({ key, entries: list.map(({ id, text, rule }) => ({ id, text, rule })), resolved });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

export function auditDataset(files: SourceFile[]) {
  const { entities, problems } = validateFiles(files);
  const collisions = findCollisions(entities);
  const all = [
    ...problems,
    ...editorialProblems(entities),
    ...collisions
      .filter((c) => !c.resolved)
      .map((c) => ({
        where: c.entries.map((e) => e.id).join(' / '),
        message: `alias "${c.key}" is shared without a rule that separates the entities`,
      })),
  ];
  return { entities, collisions, problems: all };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
