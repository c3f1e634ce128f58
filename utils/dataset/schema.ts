/**
 * The dataset schema: the single source of truth for entity files in `data/`,
 * for the build-time compiler, for tests and for custom-glossary imports.
 * Types are derived from it so that code and data cannot drift apart.
 */
import { z } from 'zod';

// Never let zod compile validators with the Function constructor: extension pages run no code built from strings.
z.config({ jitless: true });

import { ENTITY_TYPES } from './types';
import { isOrdered } from '../text/dates';
export type { EntityType } from './types';

/** ISO 8601 calendar date at year, month or day precision: 2012, 2012-11, 2012-11-15. */
export const isoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');

const kebabId = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[<>]/.test(s), 'must be plain text (no < or >)');

export const aliasObjectSchema = z
  .strictObject({
    text: plainText(80),
    /** BCP 47 tag for non-English aliases ("zh", "ru", "ar"). */
    lang: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag')
      .optional(),
    /** Match only with this exact capitalisation (acronyms: "AP", "EU", "WHO"). */
    caseSensitive: z.boolean().optional(),
    /** Mark only once the entity's full name (or an unconditional alias) appeared earlier on the page. */
    afterFull: z.boolean().optional(),
    /** Mark only when one of these entity ids is also found on the page. */
    context: z.array(kebabId).min(1).optional(),
    /** false: an acronym that must not also match in title case ("NICE" is not "Nice"). */
    titleCase: z.boolean().optional(),
    /**
     * The name meant this entity only from this date ... ("Khamenei": Mojtaba from 2026-03).
     * Outside the period (judged by the article's date, or today) the alias is not this entity's.
     */
    from: isoDate.optional(),
    /** ... until this date, inclusive ("Khamenei": Ali until 2026-02-28). */
    to: isoDate.optional(),
  })
  .refine(isOrdered, { message: '`from` must not be after `to`', path: ['to'] });
export const aliasSchema = z.union([plainText(80), aliasObjectSchema]);

export const factSchema = z
  .strictObject({
    label: plainText(40),
    value: plainText(160),
    /** The fact holds from this date ... */
    from: isoDate.optional(),
    /** ... until this date (absent: still holds, as far as `asOf`/`reviewed` says). */
    to: isoDate.optional(),
    /** The date the value was true, for figures such as a population. */
    asOf: isoDate.optional(),
  })
  .refine((f) => !(f.from && f.to) || f.from <= f.to, { message: '`from` must not be after `to`', path: ['to'] });

export const entitySchema = z.strictObject({
  id: kebabId,
  type: z.enum(ENTITY_TYPES),
  /** Finer label shown on the card: "country", "news agency", "political party". */
  kind: plainText(40).optional(),
  name: plainText(100),
  aliases: z.array(aliasSchema).max(60),
  /** Our own words, neutral, why it matters in the news. */
  summary: plainText(300),
  facts: z.array(factSchema).max(16),
  related: z.array(kebabId).max(20).optional(),
  /**
   * Ids of the members of a bloc, alliance or organisation ("european-union": the 27 countries). Not shown on the card;
   * the consistency check compares its length with a "Members" / "Member states" count on the same card.
   */
  members: z.array(kebabId).min(1).max(250).optional(),
  /** ISO 3166-1 alpha-2, upper case. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "CN"')
    .optional(),
  links: z.strictObject({
    wikipedia: z
      .string()
      .regex(/^https:\/\/[a-z-]+\.wikipedia\.org\/wiki\/\S+$/, 'must be a https://xx.wikipedia.org/wiki/… link')
      .optional(),
    official: z
      .string()
      .regex(/^https:\/\/\S+$/, 'must be a https:// link')
      .optional(),
  }),
  reviewed: isoDate,
});

export type Entity = z.infer<typeof entitySchema>;
export type Alias = z.infer<typeof aliasSchema>;
export type AliasObject = z.infer<typeof aliasObjectSchema>;
export type Fact = z.infer<typeof factSchema>;

