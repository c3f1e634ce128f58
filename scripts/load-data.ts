/**
 * Reads every JSON source file under `data/`. Node only (build, report, tests).
 *
 * `data/names/<lang>.json` are not entity files: each maps entity ids to the names other-language
 * news uses for them (`{ "vladimir-putin": ["Poutine"] }` in fr.json). They are merged into the
 * entities' aliases, tagged with the file's language, before anything else sees the data; an id
 * that does not exist, or an entry that is not a list of names, is a problem the audit reports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { SourceFile } from './dataset/audit';

/** The folder of other-language names, beside the entity folders. */
export const NAMES_DIR = 'names';

export function listDataFiles(dir: string, top = true): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!(top && name === NAMES_DIR)) out.push(...listDataFiles(full, false));
    } else if (name.endsWith('.json')) out.push(full);
  }
  return out;
}

function readJson(p: string): unknown {
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as unknown;
  } catch (err) {
    return { invalidJson: String(err) };
  }
}

export function loadDataFiles(dir: string, only?: string[]): SourceFile[] {
  const paths = only && only.length > 0 ? only : listDataFiles(dir);
  const files: SourceFile[] = paths.map((p) => ({ path: relative(process.cwd(), p), data: readJson(p) }));
  const namesDir = join(dir, NAMES_DIR);
  if (!only?.length && existsSync(namesDir)) {
    for (const name of readdirSync(namesDir)
      .sort()
      .filter((n) => n.endsWith('.json'))) {
      const path = relative(process.cwd(), join(namesDir, name));
      files.push({ path, data: [], problems: mergeNames(files, basename(name, '.json'), readJson(join(namesDir, name)), path) });
    }
  }
  return files;
}

type Problem = { where: string; message: string };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Adds one language's names to the entities they name; returns what could not be added. */
export function mergeNames(files: SourceFile[], lang: string, overlay: unknown, path: string): Problem[] {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang))
    return [{ where: path, message: 'the file name must be a BCP 47 language tag, such as fr.json or zh.json' }];
  if (!isRecord(overlay) || 'invalidJson' in overlay) return [{ where: path, message: 'must hold a JSON object that maps entity ids to lists of names' }];
  const byId = new Map<string, Record<string, unknown>>();
  for (const f of files) if (Array.isArray(f.data)) for (const e of f.data) if (isRecord(e) && typeof e.id === 'string') byId.set(e.id, e);
  const problems: Problem[] = [];
  for (const [id, names] of Object.entries(overlay)) {
    const entity = byId.get(id);
    if (!entity) {
      problems.push({ where: `${path}.${id}`, message: `no entity has the id "${id}"` });
      continue;
    }
    if (!Array.isArray(names) || !Array.isArray(entity.aliases)) {
      problems.push({ where: `${path}.${id}`, message: 'must be a list of names' });
      continue;
    }
    const have = new Set([entity.name, ...entity.aliases.map((a) => (isRecord(a) ? a.text : a))]);
    for (const n of names) {
      // Each name is an alias in the entity's own schema, so the audit checks it with every other alias.
      const alias = isRecord(n) ? { ...n, lang } : { text: n, lang };
      if (have.has(alias.text)) continue;
      have.add(alias.text);
      entity.aliases.push(alias);
    }
  }
  return problems;
}
