/**
 * Consistency between cards: what one card states about another must agree with that other card.
 * Pure: takes validated entities, returns contradictions, each naming both places. A category of its
 * own beside the audit's problems (CONSISTENCY_IS_ERROR in ./audit.ts decides whether it fails the build).
 * The conventions are documented in docs/DATA-GUIDE.md, "Consistency between cards":
 *
 *  - office:   an open-ended office fact on a place, organisation or media card ("President": "João Lourenço")
 *              names a person whose card must agree: not end that office, start it on the same date, and show a current office.
 *  - members:  a `members` list holds as many ids as the card's member count says ("Member states": "27").
 *  - symmetry: a country ↔ the capital its "Capital" fact names, and a political party ↔ the leader its office fact names,
 *              list each other in `related` whenever one of them lists the other.
 *  - dating:   one person's current office, stated with the same label on two cards, starts on the same date on both
 *              (unless the person's card shows them as two offices: "CEO" of Google and of Alphabet).
 */
import type { Entity, Fact } from '../../utils/dataset/validate';
import { isCaseSensitive, matchAliases } from '../../utils/dataset/aliases';
import { foldAlias } from '../../utils/text/normalize';
import { sameDate } from '../../utils/text/dates';

export type ConsistencyCheck = 'office' | 'members' | 'symmetry' | 'dating';
export type ConsistencyProblem = { check: ConsistencyCheck; where: string; message: string };
type Card = Entity & { source?: string };

/** Office words, longest first so "secretary-general" is read before "secretary", "supreme leader" before "leader". */
const OFFICE_GROUP: Array<[string, string]> = [
  ['secretary-general', 'secretary-general'],
  ['secretary general', 'secretary-general'],
  ['general secretary', 'secretary-general'],
  ['director-general', 'director-general'],
  ['director general', 'director-general'],
  ['head of government', 'head of government'],
  ['head of state', 'head of state'],
  ['supreme leader', 'supreme leader'],
  ['prime minister', 'head of government'],
  ['chief minister', 'head of government'],
  ['first minister', 'head of government'],
  ['chief executive', 'ceo'],
  ['chairwoman', 'chair'],
  ['chairperson', 'chair'],
  ['chairman', 'chair'],
  ['chair', 'chair'],
  ['president', 'president'],
  ['premier', 'head of government'],
  ['chancellor', 'head of government'],
  ['taoiseach', 'head of government'],
  ['leader', 'leader'],
  ['governor', 'governor'],
  ['mayor', 'mayor'],
  ['ceo', 'ceo'],
  ['king', 'monarch'],
  ['queen', 'monarch'],
  ['monarch', 'monarch'],
  ['emir', 'monarch'],
  ['sultan', 'monarch'],
  ['emperor', 'monarch'],
];
const OFFICE_WORDS = OFFICE_GROUP.map(([w]) => w.replace('-', '[- ]')).join('|');
/** A label that is only an office, or two joined: "President", "Prime minister", "Chairman and CEO", "Head of state". */
const OFFICE_LABEL = new RegExp(`^(?:current )?(?:${OFFICE_WORDS})(?: (?:and|&) (?:${OFFICE_WORDS}))?$`);
/** An office word inside a longer label, not a deputy's: "Prime Minister of India", "UN Secretary-General", not "Deputy Prime Minister". */
const OFFICE_IN_LABEL = new RegExp(`(?<!\\b(?:vice|deputy|vice-|former|first deputy) ?)\\b(${OFFICE_WORDS})\\b`, 'g');

/** Whether a fact label names an office held by one person ("President", "Chairman and CEO"). */
export function isOfficeLabel(label: string): boolean {
  return OFFICE_LABEL.test(foldAlias(label));
}

/**
 * The offices a label names, as groups. Where the office is held in an organisation (a party, a company, an international body),
 * its top titles are one office under different names ("Leader", "President", "Chairman", "General Secretary");
 * in a state, a head of state is a president, a monarch or a supreme leader.
 */
export function officeGroups(label: string, holder: Pick<Entity, 'type'>): Set<string> {
  const out = new Set<string>();
  const folded = foldAlias(label);
  for (const m of folded.matchAll(OFFICE_IN_LABEL)) {
    let group = OFFICE_GROUP.find(([w]) => w === m[1] || w === m[1].replace(' ', '-'))?.[1];
    if (!group) continue;
    if (holder.type !== 'place' && ['leader', 'president', 'chair', 'secretary-general'].includes(group)) group = 'head';
    if (holder.type === 'place' && group === 'head of state') {
      for (const g of ['president', 'monarch', 'supreme leader', 'head of state']) out.add(g);
      continue;
    }
    out.add(group);
  }
  return out;
}

/** Ways a label can refer to an entity: its name (without a parenthesis) and its aliases. */
function referenceKeys(e: Card): Array<{ text: string; cs: boolean }> {
  const keys: Array<{ text: string; cs: boolean }> = [];
  for (const a of matchAliases(e)) {
    const cs = isCaseSensitive(a);
    const text = (cs ? a.text : foldAlias(a.text)).replace(/\s*\(.*\)$/, '').replace(/^the /, '');
    if (text.length >= 2) keys.push({ text, cs });
  }
  const bare = foldAlias(e.name)
    .replace(/\s*\(.*\)$/, '')
    .replace(/^the /, '');
  if (bare.length >= 2) keys.push({ text: bare, cs: false });
  return keys;
}

function mentions(label: string, keys: Array<{ text: string; cs: boolean }>): boolean {
  const folded = foldAlias(label);
  return keys.some((k) => {
    const hay = k.cs ? label : folded;
    const i = hay.indexOf(k.text);
    if (i === -1) return false;
    const before = hay[i - 1];
    const after = hay[i + k.text.length];
    const word = (c?: string) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
    return !word(before) && !word(after);
  });
}

/** Titles a value may put before a name: "King Charles III", "Sultan Ibrahim of Johor" (tried with and without). */
const TITLE = /^(?:king|queen|sultan|emir|sheikh|president|prime minister|ayatollah|general|pope|prince|crown prince|dr\.?|sir) /;

/** Person ids by folded name and by every alias that names them on its own (no afterFull, no context). */
export function personIndex(entities: readonly Card[]): Map<string, Set<string>> {
  return nameIndex(entities, (e) => e.type === 'person');
}

/** Cities and towns, for the capital a country's card names. */
function placeIndex(entities: readonly Card[]): Map<string, Set<string>> {
  return nameIndex(entities, (e) => e.type === 'place' && /\b(city|capital|town)\b/.test(e.kind ?? ''));
}

function nameIndex(entities: readonly Card[], keep: (e: Card) => boolean): Map<string, Set<string>> {
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, id: string) => {
    if (key.length < 3) return;
    const set = byKey.get(key) ?? new Set<string>();
    set.add(id);
    byKey.set(key, set);
  };
  for (const e of entities) {
    if (!keep(e)) continue;
    add(foldAlias(e.name), e.id);
    add(foldAlias(e.name).replace(/\s*\(.*\)$/, ''), e.id);
    for (const a of matchAliases(e)) if (!a.afterFull && !a.context) add(foldAlias(a.text), e.id);
  }
  return byKey;
}

/**
 * The person a fact's value names first: the longest name or alias at its start, followed by the end, punctuation or
 * a parenthesis ("Gianni Infantino (Switzerland/Italy)", "Jamie Dimon, CEO since 2005"). Undefined when none or ambiguous.
 */
export function resolveName(value: string, people: Map<string, Set<string>>): string | undefined {
  const folded = foldAlias(value);
  for (const v of [folded, folded.replace(TITLE, '')]) {
    const words = v.split(' ');
    for (let n = Math.min(words.length, 8); n >= 1; n--) {
      const prefix = words.slice(0, n).join(' ');
      const core = prefix.replace(/[,;:]+$/, '');
      // The name ends the value or is followed by a break: "X, …", "X (…)", "X; …", "X – …", "X since …".
      const rest = v.slice(core.length).trimStart();
      if (rest && !/^(?:[,;:(–—·-]|and |since |from |until )/.test(rest)) continue;
      const ids = people.get(core) ?? people.get(core.replace(/\.$/, ''));
      if (ids) return ids.size === 1 ? [...ids][0] : undefined;
    }
  }
  return undefined;
}

const HOLDER_TYPES = new Set(['place', 'organization', 'media']);

/** A current office on a non-person card that names a person with a card. */
export type Holding = { org: Card; fact: Fact; person: Card };

export function currentHoldings(entities: readonly Card[]): Holding[] {
  const people = personIndex(entities);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const out: Holding[] = [];
  for (const org of entities) {
    if (!HOLDER_TYPES.has(org.type)) continue;
    for (const fact of org.facts) {
      if (fact.to || !isOfficeLabel(fact.label)) continue;
      const id = resolveName(fact.value, people);
      const person = id ? byId.get(id) : undefined;
      if (person && person.id !== org.id) out.push({ org, fact, person });
    }
  }
  return out;
}

const place = (e: Card) => (e.source ? `${e.source} (${e.id})` : e.id);
const said = (f: Fact) => `"${f.label}: ${f.value}"${f.from ? ` from ${f.from}` : ''}${f.to ? ` to ${f.to}` : ''}`;

/** The person's own facts about the office a holding states: they name the organisation and the same office. */
function ownFacts({ org, fact, person }: Holding): Fact[] {
  const groups = officeGroups(fact.label, org);
  const keys = referenceKeys(org);
  return person.facts.filter((f) => mentions(f.label, keys) && [...officeGroups(f.label, org)].some((g) => groups.has(g)));
}

/** (a) The office a country, institution or party card says a person holds now, against the person's own card. */
function officeProblems(holdings: Holding[]): ConsistencyProblem[] {
  const out: ConsistencyProblem[] = [];
  for (const h of holdings) {
    const { org, fact, person } = h;
    const where = `${place(org)} ↔ ${place(person)}`;
    const same = ownFacts(h);
    if (same.length === 0) {
      // The person's card may simply not list this office; it contradicts only when it shows no current office at all.
      if (!person.facts.some((f) => !f.to && officeGroups(f.label, org).size > 0)) {
        out.push({
          check: 'office',
          where,
          message: `${org.id} says ${person.id} holds ${said(fact)} now, but ${person.id}'s card shows no current office`,
        });
      }
      continue;
    }
    const open = same.filter((f) => !f.to);
    if (open.length === 0) {
      out.push({
        check: 'office',
        where,
        message: `${org.id} says ${person.id} holds ${said(fact)} now, but ${person.id}'s card ends it: ${same.map(said).join('; ')}`,
      });
    } else if (fact.from && !open.some((f) => !f.from || sameDate(f.from, fact.from!))) {
      out.push({
        check: 'office',
        where,
        message: `${org.id} dates ${said(fact)} differently from ${person.id}'s card: ${open.map(said).join('; ')}`,
      });
    }
  }
  return out;
}

/** A fact that counts members: "Members": "27 member states", "Member states": "55". */
const MEMBER_COUNT_LABEL = /^(?:members|member states|member countries|membership|number of members)$/i;

/** (b) A `members` list and the member count on the same card. */
function memberProblems(entities: readonly Card[]): ConsistencyProblem[] {
  const out: ConsistencyProblem[] = [];
  for (const e of entities) {
    if (!e.members) continue;
    for (const f of e.facts) {
      if (!MEMBER_COUNT_LABEL.test(f.label) || f.to) continue;
      const n = f.value.match(/^(?:about |around |some )?(\d[\d,]*)\b/i);
      if (!n) continue;
      const count = Number(n[1].replace(/,/g, ''));
      if (count !== e.members.length) {
        out.push({
          check: 'members',
          where: place(e),
          message: `"${f.label}: ${f.value}" counts ${count}, but \`members\` lists ${e.members.length}`,
        });
      }
    }
  }
  return out;
}

/** (c) Symmetric relations listed one way only. */
function symmetryProblems(entities: readonly Card[], holdings: Holding[]): ConsistencyProblem[] {
  const out: ConsistencyProblem[] = [];
  const byId = new Map(entities.map((e) => [e.id, e]));
  const lists = (a: Card, b: Card) => (a.related ?? []).includes(b.id);
  const check = (a: Card, b: Card, relation: string) => {
    const ab = lists(a, b);
    const ba = lists(b, a);
    if (ab === ba) return;
    const [from, to] = ab ? [a, b] : [b, a];
    out.push({
      check: 'symmetry',
      where: `${place(from)} → ${place(to)}`,
      message: `${from.id} lists ${to.id} in related (${relation}), but ${to.id} does not list ${from.id}`,
    });
  };
  // Country ↔ its capital: the place its "Capital" fact names first ("Pretoria (executive), Cape Town …" is Pretoria).
  const places = placeIndex(entities);
  for (const e of entities) {
    if (e.kind !== 'country') continue;
    const capital = e.facts.find((f) => /^capital$/i.test(f.label) && !f.to);
    const id = capital ? resolveName(capital.value, places) : undefined;
    const c = id ? byId.get(id) : undefined;
    if (c && c.id !== e.id) check(e, c, 'country and its capital');
  }
  // Political party ↔ its current leader, as the party's card states it.
  const seen = new Set<string>();
  for (const { org, person } of holdings) {
    if (!/\bpolitical party\b/.test(org.kind ?? '') || seen.has(`${org.id} ${person.id}`)) continue;
    seen.add(`${org.id} ${person.id}`);
    check(org, person, 'party and its current leader');
  }
  return dedupe(out);
}

/** (d) One person's current office, stated on two non-person cards, starts on the same date. */
function datingProblems(holdings: Holding[]): ConsistencyProblem[] {
  const out: ConsistencyProblem[] = [];
  const groups = new Map<string, Holding[]>();
  for (const h of holdings) {
    if (!h.fact.from) continue;
    const key = `${h.person.id}\u0000${foldAlias(h.fact.label)}`;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  for (const list of groups.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a.org.id === b.org.id || sameDate(a.fact.from!, b.fact.from!)) continue;
        // "CEO" of Google and of Alphabet, "President" of the ANC and of South Africa: the person's card tells the offices apart.
        const [fa, fb] = [ownFacts(a), ownFacts(b)];
        if (fa.length > 0 && fb.length > 0 && !fa.some((f) => fb.includes(f))) continue;
        out.push({
          check: 'dating',
          where: `${place(a.org)} ↔ ${place(b.org)}`,
          message: `${a.person.id}'s current office is dated differently: ${a.org.id} ${said(a.fact)}, ${b.org.id} ${said(b.fact)}`,
        });
      }
    }
  }
  return out;
}

function dedupe(list: ConsistencyProblem[]): ConsistencyProblem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.where}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Every contradiction between cards, by check, in a stable order. */
export function consistencyProblems(entities: readonly Card[]): ConsistencyProblem[] {
  const holdings = currentHoldings(entities);
  return [...officeProblems(holdings), ...memberProblems(entities), ...symmetryProblems(entities, holdings), ...datingProblems(holdings)];
}
