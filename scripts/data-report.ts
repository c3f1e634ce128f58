/**
 * npm run data:report — the dataset at a glance: counts by type, kind and region,
 * alias collisions and how each is resolved, undated volatile facts, broken
 * related ids, summary length statistics, how old the evidence of open-ended facts is,
 * rule priorities (which alias wins where an unconditional and a conditional one match the same text),
 * and contradictions between cards. Exits 1 if the audit finds problems.
 * `--json`: the collisions, rule priorities and problems as JSON instead.
 */
import { auditDataset } from './dataset/audit';
import { formatPriority } from './dataset/priorities';
import { hasDate, isVolatileFact } from './dataset/rules';
import { regionOf } from './dataset/regions';
import { evidenceDistribution, openEndedFacts } from './dataset/freshness';
import { BUILD_ALIAS_OPTIONS } from './lib/english-words';
import { loadDataFiles } from './load-data';

const { entities, collisions, priorities, problems, consistency } = auditDataset(loadDataFiles(process.env.BACKSTORY_DATA_DIR ?? 'data'), BUILD_ALIAS_OPTIONS);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ entities: entities.length, collisions, priorities, problems, consistency }, null, 2));
  process.exit(problems.length > 0 ? 1 : 0);
}
const ids = new Set(entities.map((e) => e.id));

function table(title: string, rows: Array<[string, number]>) {
  console.log(`\n## ${title}`);
  const width = Math.max(...rows.map(([k]) => k.length), 8);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${String(v).padStart(5)}`);
}
const count = (keys: string[]) => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
};

console.log(`# Backstory dataset: ${entities.length} valid entities`);
table('By type', count(entities.map((e) => e.type)));
table('By region', count(entities.map((e) => regionOf(e.country))));
table('By type and region', count(entities.map((e) => `${e.type} / ${regionOf(e.country)}`)));
table('By kind (top 40)', count(entities.map((e) => e.kind ?? '(none)')).slice(0, 40));

console.log(`\n## Alias collisions (${collisions.length}; unresolved: ${collisions.filter((c) => !c.resolved).length})`);
for (const c of collisions) {
  console.log(`  ${c.resolved ? 'ok ' : 'BAD'} "${c.key}": ${c.entries.map((e) => `${e.id} [${e.rule}]`).join(' | ')}`);
}

const never = priorities.filter((p) => p.decides.kind === 'never').length;
console.log(`\n## Rule priorities: ${priorities.length} pairs (the conditional alias never wins on the shared text: ${never}; rules in utils/match/select.ts)`);
for (const p of priorities) console.log(`  ${formatPriority(p)}`);

const undated = entities.flatMap((e) => e.facts.filter((f) => isVolatileFact(f) && !hasDate(f)).map((f) => `${e.id}: ${f.label}`));
console.log(`\n## Undated volatile facts (${undated.length})`);
for (const u of undated) console.log(`  ${u}`);

const broken = entities.flatMap((e) => (e.related ?? []).filter((r) => !ids.has(r)).map((r) => `${e.id} → ${r}`));
console.log(`\n## Broken related ids (${broken.length})`);
for (const b of broken.slice(0, 200)) console.log(`  ${b}`);

const lengths = entities.map((e) => e.summary.length).sort((a, b) => a - b);
const q = (p: number) => lengths[Math.min(lengths.length - 1, Math.floor(p * lengths.length))] ?? 0;
console.log('\n## Summary length (characters)');
console.log(`  min ${lengths[0] ?? 0}, median ${q(0.5)}, p90 ${q(0.9)}, max ${lengths.at(-1) ?? 0}; over 300: ${lengths.filter((l) => l > 300).length}`);
const facts = entities.map((e) => e.facts.length);
console.log(`  facts per entity: mean ${(facts.reduce((a, b) => a + b, 0) / Math.max(1, facts.length)).toFixed(1)}`);

const evidence = evidenceDistribution(openEndedFacts(entities).map((f) => f.evidence));
console.log(`\n## Evidence dates of open-ended facts (${evidence.total}; asOf, else the card's reviewed; see npm run data:stale)`);
table('By year', evidence.byYear);
table('By quarter, 2025–2026', evidence.byQuarter);
console.log(
  `\n  dated ${evidence.year}: ${(100 * evidence.shareInYear).toFixed(1)}% (${Math.round(evidence.shareInYear * evidence.total)} of ${evidence.total})`,
);

console.log(`\n## Contradictions between cards (${consistency.length}; npm run data:check -- --consistency lists them)`);
for (const check of ['office', 'members', 'symmetry', 'dating'])
  console.log(`  ${check.padEnd(9)} ${String(consistency.filter((c) => c.check === check).length).padStart(5)}`);

console.log(`\n## Audit problems (${problems.length})`);
for (const p of problems.slice(0, 100)) console.log(`  ${p.where}: ${p.message}`);
process.exit(problems.length > 0 ? 1 : 0);
