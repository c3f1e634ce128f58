/**
 * npm run data:coverage — how many of the names real news articles use the dataset knows.
 * Reads the article lists in docs/coverage/*.json, checks each item (exits 1 on a bad one),
 * and prints the share known overall, by desk, region and entity type, then the most
 * frequent missing names. `--json` prints the same as JSON; `--all` lists every missing name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditDataset } from './dataset/audit';
import { isIsoDate } from '../utils/dataset/validate';
import { ENTITY_TYPES } from '../utils/dataset/types';
import { foldAlias } from '../utils/text/normalize';
import { buildKnownIndex, isKnown } from './coverage/known';
import { loadDataFiles } from './load-data';

const DESKS = ['world', 'politics', 'business', 'technology', 'science-health', 'culture'];
const REGIONS = ['europe', 'americas', 'asia-pacific', 'middle-east-africa', 'global'];
const DIR = process.env.BACKSTORY_COVERAGE_DIR ?? 'docs/coverage';
const TOP = 150;

type Article = { url: string; date: string; desk: string; region: string; lang?: string; entities: Array<{ name: string; type: string }> };

function problemOf(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return 'not an object';
  const a = item as Record<string, unknown>;
  // http is accepted too: many stored pages are only known by their http address, and a URL must stay as found.
  if (typeof a.url !== 'string' || !/^https?:\/\/[^\s/]+/.test(a.url)) return `url must be an http(s) URL: ${String(a.url)}`;
  if (!isIsoDate(a.date)) return `date must be ISO (YYYY[-MM[-DD]]): ${String(a.date)}`;
  if (!DESKS.includes(a.desk as string)) return `desk must be one of ${DESKS.join(', ')}: ${String(a.desk)}`;
  if (!REGIONS.includes(a.region as string)) return `region must be one of ${REGIONS.join(', ')}: ${String(a.region)}`;
  if (a.lang !== undefined && (typeof a.lang !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(a.lang)))
    return `lang must be a language tag: ${JSON.stringify(a.lang)}`;
  if (!Array.isArray(a.entities) || a.entities.length === 0) return 'entities must be a non-empty array';
  for (const [j, e] of (a.entities as unknown[]).entries()) {
    const ent = e as Record<string, unknown> | null;
    if (typeof ent?.name !== 'string' || ent.name.trim() === '') return `entities[${j}]: name must be a non-empty string`;
    if (!(ENTITY_TYPES as readonly string[]).includes(ent.type as string))
      return `entities[${j}] (${ent.name}): type must be one of ${ENTITY_TYPES.join(', ')}: ${String(ent.type)}`;
  }
  return null;
}

const files = (existsSync(DIR) ? readdirSync(DIR) : []).filter((f) => f.endsWith('.json')).sort();
const articles: Article[] = [];
let bad = 0;
for (const file of files) {
  const path = join(DIR, file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    console.error(`${path}: invalid JSON: ${String(err)}`);
    process.exit(1);
  }
  if (!Array.isArray(data)) {
    console.error(`${path}: must hold a JSON array of articles`);
    process.exit(1);
  }
  data.forEach((item, i) => {
    const problem = problemOf(item);
    if (problem) {
      console.error(`${path}[${i}]: ${problem}`);
      bad++;
    } else articles.push(item as Article);
  });
}
if (bad > 0) process.exit(1);

const index = buildKnownIndex(auditDataset(loadDataFiles('data')).entities);

type Tally = { names: number; known: number };
const by = { desk: new Map<string, Tally>(), region: new Map<string, Tally>(), type: new Map<string, Tally>() };
const distinct = new Map<string, { name: string; known: boolean; articles: number; types: Map<string, number> }>();
let pairs = 0;
let knownPairs = 0;
const add = (m: Map<string, Tally>, key: string, known: boolean) => {
  const t = m.get(key) ?? { names: 0, known: 0 };
  t.names++;
  if (known) t.known++;
  m.set(key, t);
};
for (const a of articles) {
  const seen = new Set<string>();
  for (const e of a.entities) {
    const key = foldAlias(e.name.replace(/^the\s+/i, ''));
    if (seen.has(key)) continue;
    seen.add(key);
    const known = isKnown(index, e.name);
    pairs++;
    if (known) knownPairs++;
    add(by.desk, a.desk, known);
    add(by.region, a.region, known);
    add(by.type, e.type, known);
    const d = distinct.get(key) ?? { name: e.name.trim(), known: false, articles: 0, types: new Map() };
    d.known ||= known;
    d.articles++;
    d.types.set(e.type, (d.types.get(e.type) ?? 0) + 1);
    distinct.set(key, d);
  }
}

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);
const rows = (m: Map<string, Tally>) =>
  [...m].sort((x, y) => y[1].names - x[1].names).map(([key, t]) => ({ key, names: t.names, known: t.known, percent: pct(t.known, t.names) }));
const distinctKnown = [...distinct.values()].filter((d) => d.known).length;
const missing = [...distinct.values()]
  .filter((d) => !d.known)
  .map((d) => ({ name: d.name, articles: d.articles, type: [...d.types].sort((x, y) => y[1] - x[1])[0][0] }))
  .sort((x, y) => y.articles - x.articles || x.name.localeCompare(y.name));
const shown = process.argv.includes('--all') ? missing : missing.slice(0, TOP);

const report = {
  files,
  articles: articles.length,
  pairs,
  knownPairs,
  percentKnown: pct(knownPairs, pairs),
  distinctNames: distinct.size,
  distinctKnown,
  percentDistinctKnown: pct(distinctKnown, distinct.size),
  byDesk: rows(by.desk),
  byRegion: rows(by.region),
  byType: rows(by.type),
  missingCount: missing.length,
  missing: shown,
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`# Coverage of names in news articles (${files.join(', ') || 'no files'})`);
  const plain = articles.filter((a) => a.url.startsWith('http:')).length;
  console.log(`articles: ${report.articles} (${plain} with an http, not https, URL); names (article, name pairs): ${pairs}; distinct names: ${distinct.size}`);
  console.log(
    `known: ${knownPairs}/${pairs} = ${report.percentKnown}% of pairs; ${distinctKnown}/${distinct.size} = ${report.percentDistinctKnown}% of distinct names`,
  );
  const table = (title: string, list: typeof report.byDesk) => {
    console.log(`\n## By ${title}`);
    const w = Math.max(title.length, ...list.map((r) => r.key.length));
    console.log(`  ${title.padEnd(w)}  ${'names'.padStart(6)}  ${'known'.padStart(6)}  ${'%'.padStart(6)}`);
    for (const r of list)
      console.log(`  ${r.key.padEnd(w)}  ${String(r.names).padStart(6)}  ${String(r.known).padStart(6)}  ${r.percent.toFixed(1).padStart(6)}`);
  };
  table('desk', report.byDesk);
  table('region', report.byRegion);
  table('type', report.byType);
  console.log(`\n## Missing, most frequent first (${shown.length} of ${missing.length})`);
  const w = Math.max(4, ...shown.map((m) => m.name.length));
  for (const m of shown) console.log(`  ${m.name.padEnd(w)}  ${String(m.articles).padStart(4)}  ${m.type}`);
}
