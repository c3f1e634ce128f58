/**
 * The one validator for entities: the bundled files in `data/` (the build's audit), the reader's
 * glossary imports and form (options page), and the glossary entries the content script reads
 * from storage. Hand-written and pure, with no schema library, so every bundle can carry it.
 *
 * The types are declared here, beside the rules that enforce them; the key tables below are typed
 * against them, so a field added to a type without a rule (or a rule without a field) fails tsc.
 * A valid entity comes back as a new object: strings trimmed, keys in the order declared here,
 * unknown keys refused (never copied).
 */
import { isPlainObject } from '../core/guards';
import { isOrdered } from '../text/dates';
import { ENTITY_TYPES, type EntityType } from './types';

export type { EntityType } from './types';

export type AliasObject = {
  text: string;
  /** BCP 47 tag for non-English aliases ("zh", "ru", "ar"). */
  lang?: string;
  /** Match only with this exact capitalisation (acronyms: "AP", "EU", "WHO"). */
  caseSensitive?: boolean;
  /** Mark only once the entity's full name (or an unconditional alias) appeared earlier on the page. */
  afterFull?: boolean;
  /** Mark only when one of these entity ids is also found on the page. */
  context?: string[];
  /** false: an acronym that must not also match in title case ("NICE" is not "Nice"). */
  titleCase?: boolean;
  /**
   * The name meant this entity only from this date ... ("Khamenei": Mojtaba from 2026-03).
   * Outside the period (judged by the article's date, or today) the alias is not this entity's.
   */
  from?: string;
  /** ... until this date, inclusive ("Khamenei": Ali until 2026-02-28). */
  to?: string;
};
export type Alias = string | AliasObject;

export type Fact = {
  label: string;
  value: string;
  /** The fact holds from this date ... */
  from?: string;
  /** ... until this date (absent: still holds, as far as `asOf`/`reviewed` says). */
  to?: string;
  /** The date the value was true, for figures such as a population. */
  asOf?: string;
};

export type Entity = {
  id: string;
  type: EntityType;
  /** Finer label shown on the card: "country", "news agency", "political party". */
  kind?: string;
  name: string;
  aliases: Alias[];
  /** Our own words, neutral, why it matters in the news. */
  summary: string;
  facts: Fact[];
  related?: string[];
  /**
   * Ids of the members of a bloc, alliance or organisation ("european-union": the 27 countries). Not shown on the card;
   * the consistency check compares its length with a "Members" / "Member states" count on the same card.
   */
  members?: string[];
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  links: { wikipedia?: string; official?: string };
  reviewed: string;
};

/** Where a problem is ("aliases.0.text"; "" for the entity itself) and what it is. */
export type Issue = { path: string; message: string };
export type EntityResult = { ok: true; entity: Entity } | { ok: false; issues: Issue[] };

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const COUNTRY = /^[A-Z]{2}$/;
const WIKIPEDIA = /^https:\/\/[a-z-]+\.wikipedia\.org\/wiki\/\S+$/;
const HTTPS = /^https:\/\/\S+$/;

/** ISO 8601 calendar date at year, month or day precision: 2012, 2012-11, 2012-11-15. */
export function isIsoDate(v: unknown): v is string {
  return typeof v === 'string' && ISO_DATE.test(v);
}

/** Each reader checks one value at `path`: it returns the value to keep, or undefined after adding its issues. */
type Read<T> = (v: unknown, path: string, issues: Issue[]) => T | undefined;

const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

function fail(issues: Issue[], path: string, message: string): undefined {
  issues.push({ path, message });
  return undefined;
}

const typeMessage = (v: unknown, what: string) => (v === undefined ? 'is required' : `must be ${what}`);

/** Plain text: trimmed, not empty, at most `max` characters, no < or >. */
const plainText =
  (max: number): Read<string> =>
  (v, path, issues) => {
    if (typeof v !== 'string') return fail(issues, path, typeMessage(v, 'text'));
    const s = v.trim();
    const before = issues.length;
    if (s.length === 0) issues.push({ path, message: 'must not be empty' });
    if (s.length > max) issues.push({ path, message: `must be at most ${max} characters` });
    if (/[<>]/.test(s)) issues.push({ path, message: 'must be plain text (no < or >)' });
    return issues.length === before ? s : undefined;
  };

const pattern =
  (re: RegExp, message: string): Read<string> =>
  (v, path, issues) => {
    if (typeof v !== 'string') return fail(issues, path, typeMessage(v, 'text'));
    return re.test(v) ? v : fail(issues, path, message);
  };

const isoDate = pattern(ISO_DATE, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');

const kebabId: Read<string> = (v, path, issues) => {
  if (typeof v !== 'string') return fail(issues, path, typeMessage(v, 'text'));
  const before = issues.length;
  if (v.length < 2 || v.length > 80) issues.push({ path, message: 'must be 2 to 80 characters' });
  if (!KEBAB.test(v)) issues.push({ path, message: 'must be kebab-case: lower-case letters, digits and single hyphens' });
  return issues.length === before ? v : undefined;
};

const boolean: Read<boolean> = (v, path, issues) => (typeof v === 'boolean' ? v : fail(issues, path, typeMessage(v, 'true or false')));

const entityType: Read<EntityType> = (v, path, issues) =>
  (ENTITY_TYPES as readonly unknown[]).includes(v) ? (v as EntityType) : fail(issues, path, typeMessage(v, `one of ${ENTITY_TYPES.join(', ')}`));

/** A list whose length is within [min, max]; every item is checked, each at its index. */
const list =
  <T>(item: Read<T>, min: number, max: number): Read<T[]> =>
  (v, path, issues) => {
    if (!Array.isArray(v)) return fail(issues, path, typeMessage(v, 'a list'));
    const before = issues.length;
    if (v.length < min) issues.push({ path, message: `must have at least ${min} item${min === 1 ? '' : 's'}` });
    if (v.length > max) issues.push({ path, message: `must have at most ${max} items` });
    const out = v.map((x, i) => item(x, at(path, i), issues));
    return issues.length === before ? (out as T[]) : undefined;
  };

/** A reader for each key of T: required keys must be present, optional ones may be absent. */
type Shape<T> = { [K in keyof T]-?: { read: Read<NonNullable<T[K]>>; optional: undefined extends T[K] ? true : false } };
const required = <T>(read: Read<T>) => ({ read, optional: false as const });
const optional = <T>(read: Read<T>) => ({ read, optional: true as const });

/** A strict object: known keys read in the shape's order, unknown keys refused. */
const object =
  <T>(shape: Shape<T>): Read<T> =>
  (v, path, issues) => {
    if (!isPlainObject(v)) return fail(issues, path, typeMessage(v, 'an object'));
    const before = issues.length;
    const out: Record<string, unknown> = {};
    for (const [key, { read, optional }] of Object.entries(shape) as Array<[string, { read: Read<unknown>; optional: boolean }]>) {
      const raw = Object.hasOwn(v, key) ? v[key] : undefined;
      if (raw === undefined && optional) continue;
      const value = read(raw, at(path, key), issues);
      if (value !== undefined) out[key] = value;
    }
    const unknown = Object.keys(v).filter((k) => !Object.hasOwn(shape, k));
    if (unknown.length > 0) {
      const keys = unknown.map((k) => JSON.stringify(k)).join(', ');
      issues.push({ path, message: `Unrecognized key${unknown.length > 1 ? 's' : ''}: ${keys}` });
    }
    return issues.length === before ? (out as T) : undefined;
  };

/** `from` not after `to`: the check is added at `to`, once both are valid dates. */
const ordered =
  <T extends { from?: string; to?: string }>(read: Read<T>, isInOrder: (p: { from: string; to: string }) => boolean): Read<T> =>
  (v, path, issues) => {
    const out = read(v, path, issues);
    if (isPlainObject(v) && isIsoDate(v.from) && isIsoDate(v.to) && !isInOrder({ from: v.from, to: v.to })) {
      return fail(issues, at(path, 'to'), '`from` must not be after `to`');
    }
    return out;
  };

const aliasObject = ordered(
  object<AliasObject>({
    text: required(plainText(80)),
    lang: optional(pattern(LANG, 'must be a BCP 47 language tag')),
    caseSensitive: optional(boolean),
    afterFull: optional(boolean),
    context: optional(list(kebabId, 1, Infinity)),
    titleCase: optional(boolean),
    from: optional(isoDate),
    to: optional(isoDate),
  }),
  // Widened to days: "2026-03-15" to "2026-03" is in order (the month ends later).
  isOrdered,
);

const alias: Read<Alias> = (v, path, issues) =>
  typeof v === 'string'
    ? plainText(80)(v, path, issues)
    : isPlainObject(v)
      ? aliasObject(v, path, issues)
      : fail(issues, path, 'must be a name or an alias object');

const fact = ordered(
  object<Fact>({
    label: required(plainText(40)),
    value: required(plainText(160)),
    from: optional(isoDate),
    to: optional(isoDate),
    asOf: optional(isoDate),
  }),
  // Compared as written (stricter than aliases): a fact's "2026-03-15" to "2026-03" is refused.
  (f) => f.from <= f.to,
);

const entity = object<Entity>({
  id: required(kebabId),
  type: required(entityType),
  kind: optional(plainText(40)),
  name: required(plainText(100)),
  aliases: required(list(alias, 0, 60)),
  summary: required(plainText(300)),
  facts: required(list(fact, 0, 16)),
  related: optional(list(kebabId, 0, 20)),
  members: optional(list(kebabId, 1, 250)),
  country: optional(pattern(COUNTRY, 'must be an ISO 3166-1 alpha-2 code such as "CN"')),
  links: required(
    object<Entity['links']>({
      wikipedia: optional(pattern(WIKIPEDIA, 'must be a https://xx.wikipedia.org/wiki/… link')),
      official: optional(pattern(HTTPS, 'must be a https:// link')),
    }),
  ),
  reviewed: required(isoDate),
});

/** Checks one entity; every problem is listed with its path. A valid entity is returned as a new, trimmed object. */
export function validateEntity(raw: unknown): EntityResult {
  const issues: Issue[] = [];
  const out = entity(raw, '', issues);
  return out && issues.length === 0 ? { ok: true, entity: out } : { ok: false, issues };
}
