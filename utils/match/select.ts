/**
 * Turns candidates into mentions: alias rules (validity period, afterFull, context), then
 * leftmost-longest without overlaps. Pure; the page scanner calls it per block.
 *
 * Rule priority, when several aliases match one span (`npm run data:report` lists every pair of an
 * unconditional and a conditional alias this decides, with the rule, from scripts/dataset/priorities.ts):
 *  1. An alias outside its validity period never applies ("Khamenei" in 2025 is not Mojtaba).
 *  2. A conditional alias whose condition holds beats an unconditional alias of another entity:
 *     - afterFull: its entity was named in full more recently than the rival was named
 *       ("Luís Montenegro … Montenegro" is the prime minister, not the country);
 *     - context: one of its context entities other than the rival is on the page
 *       ("MSC" on a page naming NATO is the Munich Security Conference, not the shipping line).
 *  3. Otherwise an unconditional alias (no afterFull, no context, no period) wins; a dated alias never beats one.
 *  4. Among conditional aliases: afterFull and dated ones whose entity was named in full, the most recently
 *     named first; then a dated alias whose rival was not named (it names the holder of the date); then context.
 * A title or honorific right before a person's surname ("Mr Rutte", "Prime Minister Turnbull") counts as
 * naming the person in full, when the surname is one person's in the index, or when the people who share it
 * are told apart by their related entities on the page; otherwise the title says nothing.
 * A two-letter acronym that is also a word ("US", "IS") among words in capitals ("CONTACT US") is not
 * marked unless its entity is marked elsewhere on the page (./caps.ts).
 */
import type { Candidate } from './matcher';
import { FLAG_AFTER_FULL, FLAG_CAPS_WORD, FLAG_SURNAME, type TermIndex } from './term-index';
import { inCapitals } from './caps';
import { hasPeriod, inPeriod, today } from '../text/dates';
import { titleBefore } from './titles';

/** What the rules need of an alias: a matcher's flat tables (Matcher.rules), so a page never builds index.aliases. */
export type AliasRules = {
  entityOf(ai: number): number;
  flagsOf(ai: number): number;
  contextOf(ai: number): readonly number[] | undefined;
  /** The alias's validity period, if it has one (the name meant this entity only then). */
  periodOf(ai: number): { from?: string; to?: string } | undefined;
  /** Whether any alias has a context rule or surname hints (blocks may need a second look). */
  hasContext: boolean;
  /** For a surname several people share: the entities related to this alias's person. */
  hintsOf(ai: number): readonly number[] | undefined;
};

function rulesOf(index: TermIndex | AliasRules): AliasRules {
  if ('entityOf' in index) return index;
  const { aliases } = index;
  return {
    entityOf: (ai) => aliases[ai].entity,
    flagsOf: (ai) => aliases[ai].flags,
    contextOf: (ai) => aliases[ai].context,
    periodOf: (ai) => (hasPeriod(aliases[ai]) ? aliases[ai] : undefined),
    hasContext: true,
    hintsOf: (ai) => aliases[ai].hints,
  };
}

export type Mention = { start: number; end: number; alias: number; entity: number };

export type RuleState = {
  /** Entities already mentioned by an unconditional alias (their "full name"), in reading order. */
  fullSeen: Map<number, number>;
  /** Entities found on the page so far, for `context` rules. */
  present: Set<number>;
  /** Monotonic counter for fullSeen, so the most recent full name wins among afterFull rivals. */
  clock: number;
  /** The date names are read at (YYYY-MM-DD): the article's, or today. Aliases whose period excludes it do not apply. */
  date: string;
};

export function newRuleState(date?: string): RuleState {
  return { fullSeen: new Map(), present: new Set(), clock: 0, date: date ?? today() };
}

/** Rank of an alias limited only in time, when no rival has been named: after afterFull rivals named on the page. */
const DATED = 1.75;

/** Rank an alias for a span: lower is better; Infinity is not eligible. */
function rank(rules: AliasRules, ai: number, state: RuleState): number {
  const period = rules.periodOf(ai);
  const dated = period !== undefined;
  // A name held by someone else on the article's date is dropped before any other rule.
  if (period && !inPeriod(period, state.date)) return Infinity;
  const context = rules.contextOf(ai);
  if (context) {
    return context.some((c) => state.present.has(c)) ? 2 : Infinity;
  }
  if (rules.flagsOf(ai) & FLAG_AFTER_FULL) {
    const seen = state.fullSeen.get(rules.entityOf(ai));
    // The most recently named rival wins: "Kim" after "Kim Yo Jong" is her, not her brother.
    return seen === undefined ? Infinity : 1 + 1 / (seen + 2);
  }
  if (dated) {
    // "Khamenei" in 2026 is Mojtaba on its own, but "Ali Khamenei … Khamenei" is still Ali: a date-limited
    // alias competes like afterFull, the most recently named wins, and without any named rival it still names its holder.
    const seen = state.fullSeen.get(rules.entityOf(ai));
    return seen === undefined ? DATED : 1 + 1 / (seen + 2);
  }
  return 0;
}

/**
 * Rule 2 above: the alias that claims a span an unconditional alias (`free`) also matches, when another
 * entity's conditional alias has its condition met; otherwise `free`. Only for spans with several aliases (rare).
 */
function conditionMet(rules: AliasRules, aliases: readonly number[], free: number, state: RuleState): number {
  const rival = rules.entityOf(free);
  const rivalSeen = state.fullSeen.get(rival) ?? -1;
  let best = free;
  let bestRank = Infinity;
  for (const ai of aliases) {
    const entity = rules.entityOf(ai);
    if (entity === rival) continue;
    const period = rules.periodOf(ai);
    if (period && !inPeriod(period, state.date)) continue;
    const context = rules.contextOf(ai);
    let r = Infinity;
    if (context) {
      if (context.some((c) => c !== rival && state.present.has(c))) r = 2;
    } else if (rules.flagsOf(ai) & FLAG_AFTER_FULL) {
      const seen = state.fullSeen.get(entity);
      if (seen !== undefined && seen > rivalSeen) r = 1 + 1 / (seen + 2);
    }
    if (r < bestRank) {
      bestRank = r;
      best = ai;
    }
  }
  return best;
}

/** Whether the chosen alias names its entity in full (so its afterFull aliases may follow). */
function namesInFull(rules: AliasRules, ai: number): boolean {
  return !rules.contextOf(ai) && !(rules.flagsOf(ai) & FLAG_AFTER_FULL);
}

/**
 * The person a title before a surname names ("Mr Gates"): the one person among the span's surname aliases
 * (valid on the date), or the one whose related entities are on the page when several share it; else -1.
 */
function titledPerson(rules: AliasRules, aliases: readonly number[], state: RuleState): number {
  const people: number[] = [];
  for (const ai of aliases) {
    if (!(rules.flagsOf(ai) & FLAG_SURNAME)) continue;
    const period = rules.periodOf(ai);
    if (period && !inPeriod(period, state.date)) continue;
    const entity = rules.entityOf(ai);
    if (!people.includes(entity)) people.push(entity);
  }
  if (people.length <= 1) return people.length === 1 ? people[0] : -1;
  let person = -1;
  for (const ai of aliases) {
    const entity = rules.entityOf(ai);
    if (!(rules.flagsOf(ai) & FLAG_SURNAME) || entity === person || !people.includes(entity)) continue;
    // The people who share the name do not count as hints for each other (each is on the page through this very name).
    const hints = rules.hintsOf(ai);
    if (!hints?.some((h) => !people.includes(h) && state.present.has(h))) continue;
    if (person !== -1) return -1; // the page fits two of them
    person = entity;
  }
  return person;
}

/**
 * Select mentions in one block and update the rule state as a reader would: in order.
 * `text`: the block's text the candidates' offsets refer to, for titles before surnames ("Mr Rutte").
 */
export function selectMentions(index: TermIndex | AliasRules, candidates: Candidate[], state: RuleState, text?: string): Mention[] {
  const rules = rulesOf(index);
  const sorted = candidates.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  let lastEnd = 0;
  for (const c of sorted) {
    if (c.start < lastEnd) continue;
    if (text !== undefined && needsTitle(rules, c.aliases) && titleBefore(text, c.start)) {
      const person = titledPerson(rules, c.aliases, state);
      // The title names the person as the full name would: its afterFull surname applies, and beats an unconditional rival.
      if (person !== -1) state.fullSeen.set(person, state.clock++);
    }
    let best = -1;
    let bestRank = Infinity;
    for (const ai of c.aliases) {
      const r = rank(rules, ai, state);
      if (r < bestRank) {
        bestRank = r;
        best = ai;
      }
    }
    if (best === -1) continue;
    if (bestRank === 0 && c.aliases.length > 1) best = conditionMet(rules, c.aliases, best, state);
    const entity = rules.entityOf(best);
    if (rules.flagsOf(best) & FLAG_CAPS_WORD && text !== undefined && !state.present.has(entity) && inCapitals(text, c.start, c.end)) continue;
    out.push({ start: c.start, end: c.end, alias: best, entity });
    lastEnd = c.end;
    if (namesInFull(rules, best)) state.fullSeen.set(entity, state.clock++);
    state.present.add(entity);
  }
  return out;
}

/** Whether a span may be a surname that needs evidence: an afterFull surname among its aliases (a bare one names its person anyway). */
function needsTitle(rules: AliasRules, aliases: readonly number[]): boolean {
  for (const ai of aliases) if ((rules.flagsOf(ai) & (FLAG_SURNAME | FLAG_AFTER_FULL)) === (FLAG_SURNAME | FLAG_AFTER_FULL)) return true;
  return false;
}

/**
 * Whether any candidate in the list depends on page-wide context, so the block may need a second look:
 * a context rule, a shared surname's hints, or (given the block's text) a two-letter acronym among capitals.
 */
export function hasContextCandidates(index: TermIndex | AliasRules, candidates: Candidate[], text?: string): boolean {
  const rules = rulesOf(index);
  for (const c of candidates) {
    for (const ai of c.aliases) {
      if (rules.hasContext && (rules.contextOf(ai) !== undefined || rules.hintsOf(ai) !== undefined)) return true;
      if (text !== undefined && rules.flagsOf(ai) & FLAG_CAPS_WORD && inCapitals(text, c.start, c.end)) return true;
    }
  }
  return false;
}
