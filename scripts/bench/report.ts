import { renderBudgets, type Budget } from './budgets';
/** Benchmark results as a Markdown table and an SVG bar chart. */
type Stat = { median: number; min: number; max: number; marks?: number };
export type BenchResults = {
  date: string;
  runs: number;
  machine: string;
  dataset: { entities: number; aliases: number };
  markjsSubset: number;
  pages: Array<{ key: string; label: string; methods: Record<'floor' | 'backstory' | 'markjs' | 'regex', Stat> }>;
  startup: { parse: number; build: number; longestSlice: number; transfer: number; indexBytes: number };
  longestTask: { extension: number; baseline: number };
  hoverToCard: { median: number; max: number };
  heapBytes: number;
  bundles: Array<{ file: string; bytes: number }>;
  packageBytes: number;
  /** Budgets measured with the real extension in Chromium and Firefox (scripts/bench/budgets.ts). */
  budgets?: Budget[];
};

const ms = (s: Stat) => `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/** mark.js ran on a subset; scale linearly to every alias, since it walks the DOM once per keyword. */
export function markjsFull(r: BenchResults, s: Stat): number {
  return s.median * (r.dataset.aliases / r.markjsSubset);
}

export function renderMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  if (r.budgets) lines.push(...budgetSection(r.budgets));
  lines.push(`# Benchmark results`);
  lines.push('');
  lines.push(`${r.date.slice(0, 10)} · ${r.machine} · ${r.runs} interleaved runs per method and page, fresh page load each · dataset ${r.dataset.entities.toLocaleString('en')} entities, ${r.dataset.aliases.toLocaleString('en')} aliases.`);
  lines.push('');
  lines.push(`Times in ms, median (min–max). (a) floor: one TreeWalker pass reading every text node. (b) Backstory: walk, match, ranges, highlights. (c) mark.js on the first ${r.markjsSubset} aliases (a run with all ${r.dataset.aliases.toLocaleString('en')} would take minutes); c/b uses the time scaled linearly to every alias, since mark.js walks the DOM once per keyword. (d) one case-insensitive regex alternation of every alias, per text node, same highlights.`);
  lines.push('');
  lines.push('| page | (a) floor | (b) Backstory | (c) mark.js, subset | (d) regex | b/a | c/b (scaled) | d/b | marks b / d |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const p of r.pages) {
    const { floor, backstory, markjs, regex } = p.methods;
    lines.push(
      `| ${p.label} | ${ms(floor)} | ${ms(backstory)} | ${ms(markjs)} | ${ms(regex)} | ${(backstory.median / floor.median).toFixed(1)} | ${(markjsFull(r, markjs) / backstory.median).toFixed(0)} | ${(regex.median / backstory.median).toFixed(1)} | ${backstory.marks ?? '–'} / ${regex.marks ?? '–'} |`,
    );
  }
  lines.push('');
  lines.push('| measure | value | budget |');
  lines.push('|---|---|---|');
  lines.push(`| index: transfer from background (message round trip) | ${r.startup.transfer.toFixed(1)} ms (${kb(r.startup.indexBytes)} JSON) | – |`);
  lines.push(`| index: parse + unpack | ${r.startup.parse.toFixed(1)} ms | – |`);
  lines.push(`| index: build automaton (one go / longest slice when sliced) | ${r.startup.build.toFixed(1)} ms / ${r.startup.longestSlice.toFixed(1)} ms | slice < 50 ms |`);
  lines.push(`| longest main-thread task after load, 2 MB page, extension on (off) | ${r.longestTask.extension.toFixed(0)} ms (${r.longestTask.baseline.toFixed(0)} ms) | ≤ 50 ms |`);
  lines.push(`| hover to painted card, dwell 0 (median / max) | ${r.hoverToCard.median.toFixed(1)} / ${r.hoverToCard.max.toFixed(1)} ms | ≤ 16 ms after the dwell |`);
  lines.push(`| JS heap added, 10,000-word article | ${(r.heapBytes / 1048576).toFixed(2)} MB | ≤ 10 MB |`);
  for (const b of r.bundles) lines.push(`| bundle ${b.file} | ${kb(b.bytes)} | ${b.file.startsWith('content') ? '≤ 300 KB' : '–'} |`);
  lines.push(`| Chrome package (zip) | ${kb(r.packageBytes)} | – |`);
  lines.push('');
  return lines.join('\n');
}

export function renderChart(r: BenchResults): string {
  const methods = [
    ['floor', '(a) floor', '#94a3b8'],
    ['backstory', '(b) Backstory', '#1d4ed8'],
    ['regex', '(d) regex alternation', '#f59e0b'],
    ['markjs', '(c) mark.js, scaled to all aliases', '#dc2626'],
  ] as const;
  const rowH = 18;
  const groupGap = 22;
  const left = 250;
  const width = 900;
  const plotW = width - left - 120;
  const all = r.pages.flatMap((p) => methods.map(([m]) => (m === 'markjs' ? markjsFull(r, p.methods.markjs) : p.methods[m].median)));
  const maxLog = Math.log10(Math.max(...all, 10));
  const minLog = Math.log10(Math.max(0.01, Math.min(...all)));
  const x = (v: number) => ((Math.log10(Math.max(v, 0.01)) - minLog + 0.2) / (maxLog - minLog + 0.2)) * plotW;
  let y = 40;
  const parts: string[] = [];
  for (const p of r.pages) {
    parts.push(`<text x="10" y="${y + 12}" font-weight="600">${p.label}</text>`);
    y += 18;
    for (const [m, label, color] of methods) {
      const v = m === 'markjs' ? markjsFull(r, p.methods.markjs) : p.methods[m].median;
      parts.push(`<text x="20" y="${y + 12}" fill="#444">${label}</text>`);
      parts.push(`<rect x="${left}" y="${y + 2}" width="${Math.max(1, x(v)).toFixed(1)}" height="${rowH - 5}" fill="${color}" rx="2"/>`);
      parts.push(`<text x="${(left + x(v) + 6).toFixed(1)}" y="${y + 12}" fill="#222">${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms</text>`);
      y += rowH;
    }
    y += groupGap;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" font-family="system-ui, sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="22" font-size="15" font-weight="700">Time to mark a page (median, ms, log scale) — lower is better</text>
${parts.join('\n')}
</svg>
`;
}

function budgetSection(budgets: Budget[]): string[] {
  const failed = budgets.filter((b) => !b.pass).length;
  const methods = [...new Map(budgets.map((b) => [`${b.browser}: ${b.method}`, 1])).keys()];
  return [
    '## Budgets',
    '',
    `${budgets.length} budgets, ${failed === 0 ? 'all met' : `${failed} missed`} (\`npm run bench -- --strict\` exits 1 on a miss).`,
    '',
    renderBudgets(budgets),
    '',
    'How each was measured:',
    '',
    ...methods.map((m) => `- ${m}`),
    '',
  ];
}
