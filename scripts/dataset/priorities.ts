/**
 * Rule priorities: every pair of aliases of two entities that fold to the same text (as the matcher
 * folds) where one has no condition and the other has one (afterFull, context or a validity period),
 * with the rule that decides which entity a mention is. The rules are select.ts's (utils/match/select.ts,
 * "Rule priority"); tests/unit/priorities.test.ts checks each stated rule against selectMentions.
 * Pure; `npm run data:report` prints them.
 */
import type { Entity } from '../../utils/dataset/validate';
import { isCaseSensitive, matchAliases, type AliasOptions } from '../../utils/dataset/aliases';
import { hasPeriod } from '../../utils/text/dates';
import { foldAlias, foldCode, IGNORABLE } from '../../utils/text/normalize';

export type PriorityAlias = { id: string; text: string; rule: string };

/**
 * How the pair is decided:
 * - `afterFull`: the conditional one once its entity was named in full more recently than the free one's entity;
 * - `context`: the conditional one when one of `context` (never the free one's entity) is on the page;
 * - `never`: the free one always, wherever both match (a dated alias, or a context naming only the rival).
 */
export type PriorityRule = { kind: 'afterFull' } | { kind: 'context'; context: string[] } | { kind: 'never'; why: string };

export type PriorityPair = {
  /** The folded text both match. */
  key: string;
  free: PriorityAlias;
  conditional: PriorityAlias & { period?: { from?: string; to?: string } };
  decides: PriorityRule;
  /** The rule in words. */
  rule: string;
  /** The free alias is case-sensitive and the conditional one is not: other letter cases are the conditional one's alone. */
  elsewhere?: string;
};

type Entry = { id: string; text: string; cs: boolean; afterFull: boolean; context?: string[]; from?: string; to?: string; rule: string };

/** The text as the case-sensitive check compares it: folded, with the letter case of each character kept. */
function caseKey(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const f = foldCode(ch.charCodeAt(0));
    if (f === IGNORABLE) continue;
    out += String.fromCharCode(f) + (ch !== ch.toLowerCase() ? 'U' : 'l');
  }
  return out;
}

/** Whether some page text can match both aliases: they fold alike (same group); two case-sensitive ones need the same letter case. */
function canMeet(a: Entry, b: Entry): boolean {
  return !(a.cs && b.cs) || caseKey(a.text) === caseKey(b.text);
}

function describe(e: Entry): string {
  return (
    [
      e.cs && 'caseSensitive',
      e.afterFull && 'afterFull',
      e.context && `context: ${e.context.join(', ')}`,
      (e.from || e.to) && `${e.from ? `from ${e.from}` : ''}${e.from && e.to ? ' ' : ''}${e.to ? `to ${e.to}` : ''}`,
    ]
      .filter(Boolean)
      .join('; ') || 'none'
  );
}

/** The rule select.ts applies to a span both aliases match. */
function decide(free: Entry, cond: Entry): { decides: PriorityRule; rule: string } {
  const dated = cond.from || cond.to ? ` and the article's date is within ${cond.from ?? '…'}–${cond.to ?? '…'}` : '';
  if (cond.context) {
    const others = cond.context.filter((c) => c !== free.id);
    if (others.length === 0) {
      const why = `its only context is ${free.id} itself`;
      return { decides: { kind: 'never', why }, rule: `${free.id} always (${why})` };
    }
    return {
      decides: { kind: 'context', context: others },
      rule: `${cond.id} when ${others.length === 1 ? others[0] : `one of ${others.join(', ')}`} is on the page${dated}; otherwise ${free.id}`,
    };
  }
  if (cond.afterFull) {
    return {
      decides: { kind: 'afterFull' },
      rule: `${cond.id} once its full name was read more recently than ${free.id} was named${dated}; otherwise ${free.id}`,
    };
  }
  const why = 'an alias without conditions beats a dated one';
  return { decides: { kind: 'never', why }, rule: `${free.id} always (${why})` };
}

/** Every pair of an unconditional and a conditional alias of two entities that can match the same text, by folded text. */
export function rulePriorities(entities: Array<Pick<Entity, 'id' | 'name' | 'aliases'>>, opts: AliasOptions = {}): PriorityPair[] {
  const groups = new Map<string, Entry[]>();
  for (const e of entities) {
    for (const a of matchAliases(e, opts)) {
      const entry: Entry = {
        id: e.id,
        text: a.text,
        cs: isCaseSensitive(a),
        afterFull: Boolean(a.afterFull),
        ...(a.context && a.context.length > 0 ? { context: a.context } : {}),
        ...(a.from ? { from: a.from } : {}),
        ...(a.to ? { to: a.to } : {}),
        rule: '',
      };
      entry.rule = describe(entry);
      const key = foldAlias(a.text);
      const list = groups.get(key);
      if (list) list.push(entry);
      else groups.set(key, [entry]);
    }
  }
  const out: PriorityPair[] = [];
  const seen = new Set<string>();
  for (const [key, list] of groups) {
    if (list.length < 2) continue;
    const free = list.filter((x) => !x.afterFull && !x.context && !hasPeriod(x));
    const conditional = list.filter((x) => x.afterFull || x.context || hasPeriod(x));
    for (const f of free) {
      for (const c of conditional) {
        if (f.id === c.id || !canMeet(f, c)) continue;
        const { decides, rule } = decide(f, c);
        const dedupe = [key, f.id, c.id, rule].join('\u0000');
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        out.push({
          key,
          free: { id: f.id, text: f.text, rule: f.rule },
          conditional: {
            id: c.id,
            text: c.text,
            rule: c.rule,
            ...(c.from || c.to ? { period: { ...(c.from ? { from: c.from } : {}), ...(c.to ? { to: c.to } : {}) } } : {}),
          },
          decides,
          rule,
          ...(f.cs && !c.cs ? { elsewhere: `written other than "${f.text}", ${c.id} under its own rule` } : {}),
        });
      }
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key) || a.free.id.localeCompare(b.free.id) || a.conditional.id.localeCompare(b.conditional.id));
}

/** One line of the report: `"montenegro": montenegro [none] vs luis-montenegro [caseSensitive; afterFull] → …`. */
export function formatPriority(p: PriorityPair): string {
  return `"${p.key}": ${p.free.id} [${p.free.rule}] vs ${p.conditional.id} [${p.conditional.rule}] → ${p.rule}${p.elsewhere ? ` (${p.elsewhere})` : ''}`;
}
