/**
 * How fresh the dataset's evidence is: the facts that can go out of date (open-ended ones) and the
 * date their evidence was last confirmed. Pure; used by `npm run data:stale` and `npm run data:report`.
 */
import type { Entity } from '../../utils/dataset/validate';
import { isOpenEnded } from '../../utils/dataset/volatile';
import { startOf } from '../../utils/text/dates';

export { isOpenEnded };

export type OpenFact = {
  id: string;
  source?: string;
  label: string;
  value: string;
  from?: string;
  asOf?: string;
  /** The card's `reviewed`, used as evidence when the fact has no `asOf`. */
  reviewed: string;
  /** `asOf`, else `reviewed`: when the fact was last confirmed. */
  evidence: string;
};

/**
 * An event that is over: its figures are history ("Deaths" in a war of 1918, an election's seats), not news that may change.
 * An event counts as ongoing only while it has a start ("Began", "Started", "Since") with `from`, and nothing ends it
 * (no fact with `to`, no "Ended" / "Ceasefire" / "Armistice").
 */
export function isPastEvent(e: Pick<Entity, 'type' | 'facts'>): boolean {
  if (e.type !== 'event') return false;
  const began = e.facts.some((f) => f.from && /^(began|start(ed)?|since|ongoing)\b/i.test(f.label));
  const ended = e.facts.some((f) => f.to || /^(ended|end|ceasefire|armistice)\b/i.test(f.label));
  return !began || ended;
}

/** Every open-ended fact, oldest evidence first (then by card id and label, for a stable order); past events' facts are left out. */
export function openEndedFacts(entities: ReadonlyArray<Entity & { source?: string }>): OpenFact[] {
  const out: OpenFact[] = [];
  for (const e of entities) {
    if (isPastEvent(e)) continue;
    for (const f of e.facts) {
      if (!isOpenEnded(f)) continue;
      out.push({
        id: e.id,
        ...(e.source ? { source: e.source } : {}),
        label: f.label,
        value: f.value,
        ...(f.from ? { from: f.from } : {}),
        ...(f.asOf ? { asOf: f.asOf } : {}),
        reviewed: e.reviewed,
        evidence: f.asOf ?? e.reviewed,
      });
    }
  }
  return out.sort((a, b) => startOf(a.evidence).localeCompare(startOf(b.evidence)) || a.id.localeCompare(b.id) || a.label.localeCompare(b.label));
}

export type EvidenceDistribution = {
  total: number;
  byYear: Array<[string, number]>;
  /** 2025-Q1 … 2026-Q4, every quarter listed even when empty. */
  byQuarter: Array<[string, number]>;
  /** Share of evidence dated in `year` (0–1). */
  shareInYear: number;
  year: string;
};

/** Evidence dates by year, by quarter for the quarters' years, and the share dated in `year`. A year-only date counts in its year, not a quarter. */
export function evidenceDistribution(dates: readonly string[], quarterYears = ['2025', '2026'], year = '2026'): EvidenceDistribution {
  const years = new Map<string, number>();
  const quarters = new Map<string, number>();
  for (const y of quarterYears) for (let q = 1; q <= 4; q++) quarters.set(`${y}-Q${q}`, 0);
  for (const d of dates) {
    const y = d.slice(0, 4);
    years.set(y, (years.get(y) ?? 0) + 1);
    if (d.length >= 7 && quarterYears.includes(y)) {
      const key = `${y}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
      quarters.set(key, (quarters.get(key) ?? 0) + 1);
    } else if (quarterYears.includes(y)) {
      quarters.set(`${y} (year only)`, (quarters.get(`${y} (year only)`) ?? 0) + 1);
    }
  }
  return {
    total: dates.length,
    byYear: [...years].sort((a, b) => a[0].localeCompare(b[0])),
    byQuarter: [...quarters].sort((a, b) => a[0].localeCompare(b[0])),
    shareInYear: dates.length === 0 ? 0 : (years.get(year) ?? 0) / dates.length,
    year,
  };
}
