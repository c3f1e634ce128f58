/**
 * npm run data:stale — the facts that may have gone out of date, oldest evidence first: every open-ended
 * fact (a volatile fact with `from` and no `to`, or a fact with `asOf`), with the date its evidence was
 * last confirmed (`asOf`, else the card's `reviewed`). Start the monthly refresh at the top (docs/DATA-GUIDE.md).
 * Usage: npm run data:stale [-- --json] [-- --limit 50]
 */
import { auditDataset } from './dataset/audit';
import { isOpenEnded, isPastEvent, openEndedFacts } from './dataset/freshness';
import { monthsBefore, startOf, today } from '../utils/text/dates';
import { loadDataFiles } from './load-data';

const args = process.argv.slice(2);
const json = args.includes('--json');
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;

const { entities } = auditDataset(loadDataFiles(process.env.BACKSTORY_DATA_DIR ?? 'data'));
const facts = openEndedFacts(entities);
const shown = facts.slice(0, limit);

if (json) {
  console.log(JSON.stringify(shown, null, 2));
} else {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).padEnd(n);
  console.log(`${'evidence'.padEnd(10)}  ${cut('card', 36)}  ${cut('label', 28)}  ${cut('value', 48)}  asOf`);
  for (const f of shown) console.log(`${f.evidence.padEnd(10)}  ${cut(f.id, 36)}  ${cut(f.label, 28)}  ${cut(f.value, 48)}  ${f.asOf ?? '—'}`);
  const now = today();
  const old = monthsBefore(now, 6);
  const older = facts.filter((f) => startOf(f.evidence) < old).length;
  const cards = new Set(facts.map((f) => f.id)).size;
  const median = facts[Math.floor(facts.length / 2)]?.evidence ?? '—';
  const history = entities.filter(isPastEvent).reduce((n, e) => n + e.facts.filter(isOpenEnded).length, 0);
  console.log(
    `${facts.length} open-ended facts on ${cards} cards; oldest evidence ${facts[0]?.evidence ?? '—'}, median ${median}; ` +
      `${older} (${facts.length ? Math.round((100 * older) / facts.length) : 0}%) last confirmed more than 6 months ago (before ${old}); ` +
      `${history} dated facts on past events left out.`,
  );
}
