/**
 * Which facts a card shows, and how their dates read. With an article date,
 * only facts that held on that date (and timeless ones) are shown; otherwise
 * the current facts first, then past ones. A fact that may have changed and whose
 * evidence is old says when it was last confirmed.
 */
import type { Fact } from '../dataset/validate';
import { isOpenEnded } from '../dataset/volatile';
import { t } from '../i18n';
import { endOf, inPeriod, monthsBefore, today as todayDate } from '../text/dates';

export const MAX_FACTS = 5;
/** Evidence older than this, before the date the card is read at, is shown: "last confirmed June 2025". */
export const STALE_MONTHS = 6;

/** `confirmed`: the evidence date (asOf, else the card's reviewed) when it is old enough to say so. */
export type ShownFact = Fact & { when: string; past: boolean; confirmed?: string };

/**
 * The date a fact that may have changed was last confirmed (`asOf`, else the card's `reviewed`), when that is more
 * than STALE_MONTHS before `readAt` (today, or the article's date when older). Undefined for timeless and ended facts.
 */
export function lastConfirmed(fact: Fact, reviewed: string, readAt: string): string | undefined {
  if (!isOpenEnded(fact)) return undefined;
  const evidence = fact.asOf ?? reviewed;
  return endOf(evidence) < monthsBefore(readAt, STALE_MONTHS) ? evidence : undefined;
}

export function heldOn(fact: Fact, date: string): boolean {
  return inPeriod(fact, date);
}

const YEAR = (d: string) => d.slice(0, 4);

/** "since 2012", "2000–2008", "as of 2024", "since 2012 · as of 2025"; without "as of" when a "last confirmed" note says it. */
export function describeWhen(fact: Fact, withAsOf = true): string {
  const parts: string[] = [];
  // A value that already names its years ("Since May 2012") needs no "since 2012" after it.
  const said = (d?: string) => !d || fact.value.includes(YEAR(d));
  if (said(fact.from) && said(fact.to) && (fact.from || fact.to)) {
    // nothing to add for the range
  } else if (fact.from && fact.to) parts.push(YEAR(fact.from) === YEAR(fact.to) ? YEAR(fact.from) : `${YEAR(fact.from)}–${YEAR(fact.to)}`);
  else if (fact.from) parts.push(t('whenSince', YEAR(fact.from)));
  else if (fact.to) parts.push(t('whenUntil', YEAR(fact.to)));
  if (fact.asOf && withAsOf) parts.push(t('whenAsOf', YEAR(fact.asOf)));
  return parts.join(' · ');
}

/** `evidence`: the card's reviewed date (and today, for tests), to say when old facts were last confirmed. */
export function selectFacts(facts: readonly Fact[], articleDate?: string, evidence?: { reviewed: string; today?: string }): ShownFact[] {
  const now = evidence?.today ?? todayDate();
  const readAt = articleDate && articleDate < now ? articleDate : now;
  const shown = (f: Fact): ShownFact => {
    const confirmed = evidence ? lastConfirmed(f, evidence.reviewed, readAt) : undefined;
    return { ...f, when: describeWhen(f, !confirmed), past: Boolean(f.to), ...(confirmed ? { confirmed } : {}) };
  };
  if (articleDate) {
    return facts
      .filter((f) => heldOn(f, articleDate))
      .slice(0, MAX_FACTS)
      .map(shown);
  }
  const current = facts.filter((f) => !f.to);
  const past = facts.filter((f) => f.to).sort((a, b) => (b.to ?? '').localeCompare(a.to ?? ''));
  return [...current, ...past].slice(0, MAX_FACTS).map(shown);
}

/** Flag emoji from an ISO 3166-1 alpha-2 code (regional indicator symbols). */
export function flagEmoji(code?: string): string {
  if (!code || !/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...code.split('').map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}
