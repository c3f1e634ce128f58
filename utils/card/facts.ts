/**
 * Which facts a card shows, and how their dates read. With an article date,
 * only facts that held on that date (and timeless ones) are shown; otherwise
 * the current facts first, then past ones.
 */
import type { Fact } from '../dataset/schema';
import { t, type MessageKey } from '../i18n';
import { inPeriod } from '../dates';

export const MAX_FACTS = 5;

export type ShownFact = Fact & { when: string; past: boolean };

export function heldOn(fact: Fact, date: string): boolean {
  return inPeriod(fact, date);
}

const YEAR = (d: string) => d.slice(0, 4);

/** "since 2012", "2000–2008", "as of 2024", "since 2012 · as of 2025". */
export function describeWhen(fact: Fact): string {
  const parts: string[] = [];
  // A value that already names its years ("Since May 2012") needs no "since 2012" after it.
  const said = (d?: string) => !d || fact.value.includes(YEAR(d));
  if (said(fact.from) && said(fact.to) && (fact.from || fact.to)) {
    // nothing to add for the range
  } else if (fact.from && fact.to) parts.push(YEAR(fact.from) === YEAR(fact.to) ? YEAR(fact.from) : `${YEAR(fact.from)}–${YEAR(fact.to)}`);
  else if (fact.from) parts.push(t('whenSince', YEAR(fact.from)));
  else if (fact.to) parts.push(t('whenUntil', YEAR(fact.to)));
  if (fact.asOf) parts.push(t('whenAsOf', YEAR(fact.asOf)));
  return parts.join(' · ');
}

export function selectFacts(facts: readonly Fact[], articleDate?: string): ShownFact[] {
  const shown = (f: Fact): ShownFact => ({ ...f, when: describeWhen(f), past: Boolean(f.to) });
  if (articleDate) {
    return facts.filter((f) => heldOn(f, articleDate)).slice(0, MAX_FACTS).map(shown);
  }
  const current = facts.filter((f) => !f.to);
  const past = facts.filter((f) => f.to).sort((a, b) => (b.to ?? '').localeCompare(a.to ?? ''));
  return [...current, ...past].slice(0, MAX_FACTS).map(shown);
}

/** Flag emoji from an ISO 3166-1 alpha-2 code (regional indicator symbols). */
export function flagEmoji(code?: string): string {
  if (!code || !/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/** Message keys for a type's singular label, used when an entity has no `kind`. */
export const TYPE_LABEL: Record<string, MessageKey> = {
  person: 'kindPerson',
  organization: 'kindOrganization',
  place: 'kindPlace',
  event: 'kindEvent',
  initiative: 'kindInitiative',
  product: 'kindProduct',
  media: 'kindMedia',
  concept: 'kindConcept',
};
