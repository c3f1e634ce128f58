/**
 * The reader's custom glossary: entries with the same schema as the bundled
 * data, kept in local extension storage. Imports are validated in full before
 * anything is written: every problem is listed with where it is, and an invalid
 * file changes nothing.
 */
import { isPlainObject } from './core/guards';
import { validateEntity, type Entity } from './dataset/validate';
import type { EntityType } from './dataset/types';

/** Imports larger than this are refused before parsing. */
export const MAX_IMPORT_BYTES = 1_048_576;
/** At most this many entries in the glossary. */
export const MAX_ENTRIES = 2000;

export type ImportResult = { ok: true; entries: Entity[] } | { ok: false; problems: string[] };

/** Validate an import (file text). Returns every problem with its place; nothing is written here. */
export function parseGlossaryImport(text: string, byteLength = new TextEncoder().encode(text).length): ImportResult {
  if (byteLength > MAX_IMPORT_BYTES) {
    return { ok: false, problems: [`The file is ${Math.ceil(byteLength / 1024)} KB; the limit is ${MAX_IMPORT_BYTES / 1024} KB.`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`Not valid JSON: ${(err as Error).message}`] };
  }
  const list = Array.isArray(data) ? data : isPlainObject(data) && Array.isArray(data.entries) ? data.entries : null;
  if (!list) return { ok: false, problems: ['Expected a JSON array of entries (or an object with an "entries" array).'] };
  if (list.length > MAX_ENTRIES) return { ok: false, problems: [`${list.length} entries; at most ${MAX_ENTRIES} are allowed.`] };
  const problems: string[] = [];
  const entries: Entity[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw: unknown, i: number) => {
    const label = `entry ${i + 1}${isPlainObject(raw) && typeof raw.id === 'string' ? ` (${raw.id.slice(0, 60)})` : ''}`;
    const checked = validateEntity(raw);
    if (!checked.ok) {
      for (const issue of checked.issues) problems.push(`${label}, ${issue.path || 'entry'}: ${issue.message}`);
      return;
    }
    const { entity } = checked;
    const first = seen.get(entity.id);
    if (first !== undefined) problems.push(`${label}: id "${entity.id}" is already used by entry ${first + 1}`);
    seen.set(entity.id, i);
    entries.push(entity);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}

/** Merge imported entries: same id replaces, new ids are added; order kept. */
export function mergeEntries(current: Entity[], incoming: Entity[]): Entity[] {
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const e of incoming) byId.set(e.id, e);
  return [...byId.values()];
}

export type EntryForm = { id?: string; name: string; type: EntityType; aliases: string; summary: string; facts: string; link: string };

/** Build an entry from the options form; problems are listed per field. */
export function entryFromForm(form: EntryForm, today: string): { ok: true; entry: Entity } | { ok: false; problems: string[] } {
  const facts = form.facts
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(':');
      return at > 0 ? { label: line.slice(0, at).trim(), value: line.slice(at + 1).trim() } : { label: 'Note', value: line };
    });
  const link = form.link.trim();
  const candidate = {
    id: form.id || slug(form.name),
    type: form.type,
    name: form.name.trim(),
    aliases: form.aliases
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    summary: form.summary.trim(),
    facts,
    links: link ? (/wikipedia\.org\/wiki\//.test(link) ? { wikipedia: link } : { official: link }) : {},
    reviewed: today,
  };
  const checked = validateEntity(candidate);
  if (checked.ok) return { ok: true, entry: checked.entity };
  return { ok: false, problems: checked.issues.map((i) => `${i.path || 'entry'}: ${i.message}`) };
}

export function formFromEntry(e: Entity): EntryForm {
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases.map((a) => (typeof a === 'string' ? a : a.text)).join(', '),
    summary: e.summary,
    facts: e.facts.map((f) => `${f.label}: ${f.value}`).join('\n'),
    link: e.links.wikipedia ?? e.links.official ?? '',
  };
}

export function slug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s.length >= 2 ? s : `entry-${Date.now().toString(36)}`;
}

/** Prefix of glossary entries in the merged index, so they never clash with bundled ids. */
export const CUSTOM_PREFIX = 'custom:';

/** Entries in storage, each checked again: a damaged entry is dropped, never the whole glossary. */
export function readGlossary(stored: unknown): Entity[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((raw: unknown) => {
    const checked = validateEntity(raw);
    return checked.ok ? [checked.entity] : [];
  });
}
