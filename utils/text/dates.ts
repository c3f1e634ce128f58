/**
 * ISO calendar dates at year, month or day precision (2026, 2026-03, 2026-03-09), as the dataset
 * writes them. Compared as strings after widening to a day: a period's `from` starts on its first
 * day, its `to` ends on its last (inclusive). Pure and tiny: the content script uses it too.
 */

/** A validity period; either end may be open. */
export type Period = { from?: string; to?: string };

/** First day a date can mean: 2026 → 2026-01-01, 2026-03 → 2026-03-01. */
export function startOf(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** Last day a date can mean: 2026 → 2026-12-31, 2026-03 → 2026-03-31 (for comparison only: no calendar check). */
export function endOf(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

export function hasPeriod(p: Period): boolean {
  return Boolean(p.from || p.to);
}

/** Whether `date` (YYYY-MM-DD) falls in the period, both ends included. */
export function inPeriod(p: Period, date: string): boolean {
  if (p.from && startOf(p.from) > date) return false;
  if (p.to && endOf(p.to) < date) return false;
  return true;
}

/** Whether two periods share at least one day (open ends reach forever). */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aStart = a.from ? startOf(a.from) : '';
  const bStart = b.from ? startOf(b.from) : '';
  const aEnd = a.to ? endOf(a.to) : '9999';
  const bEnd = b.to ? endOf(b.to) : '9999';
  return aStart <= bEnd && bStart <= aEnd;
}

/** A period whose start is not after its end ("2026-03-15" to "2026-03" is fine: the month ends later). */
export function isOrdered(p: Period): boolean {
  return !(p.from && p.to) || startOf(p.from) <= endOf(p.to);
}

/** Equal at the precision both give: "2026-03" and "2026-03-09" agree; "2026-03-01" and "2026-03-09" do not. */
export function sameDate(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

/** The local calendar date, YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** `date` moved back by whole months, day kept (clamped to 28 so every month has it): for "older than 6 months". */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = startOf(date).split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(total / 12)}-${p((total % 12) + 1)}-${p(Math.min(d, 28))}`;
}
