import { renderBudgets, type Budget } from './budgets';
import type { ContentScriptResults } from './extension';
/** Benchmark results as Markdown tables and an SVG bar chart (measured values only). */
type Stat = { median: number; min: number; max: number; marks?: number };
type Setup = { cold: Stat; warm: Stat };
export type BenchResults = {
  date: string;
  /** The machine's 1-minute load average when the run started and ended (it is shared). */
  load?: [number, number];
  runs: number;
  machine: string;
  dataset: { entities: number; aliases: number };
  /** Size of mark.js's alias sample (kept for older readers; see `markjs`). */
  markjsSubset: number;
  markjs: { sample: number; seed: number; of: number };
  pages: Array<{
    key: string;
    label: string;
    /** Scan only (setup excluded): floor, Backstory, regex; mark.js on its sample (it has no separate setup). */
    methods: Record<'floor' | 'backstory' | 'markjs' | 'regex', Stat>;
    setup: { backstory: Setup; regex: Setup };
  }>;
  startup: {
    /** Content script, Chromium, longest fixture article: index request to reply. */
    transfer: number;
    /** Decode of the tables in a page, cold (nothing is parsed any more). */
    parse: number;
    /** Content script, Chromium: decode + matcher ready, after the reply. */
    build: number;
    /** Content script, Chromium: from the script's start to the matcher ready. */
    ready: number;
    firefox: { transfer: number; build: number; ready: number };
    /** Page-side Matcher.create from the payload, all pages: first in a page, and again. */
    pageSetup: { cold: number; warm: number };
    /** The compiled index file (packaged; the content script reads it itself). */
    indexBytes: number;
    grown: { entities: number; bytes: number; setupCold: Stat };
  };
  contentScript: { method: string; chromium: ContentScriptResults; firefox: ContentScriptResults };
  /** `ready`: from the dwell's end to the card rendered and placed, our own work (the rest is the browser's frame). */
  hoverToCard: { median: number; max: number; ready?: Stat; firefox: { median: number; max: number; ready?: Stat }; method: string };
  heapBytes?: number;
  frames?: ContentScriptResults['frames'];
  tabs?: ContentScriptResults['tabs'];
  bundles: Array<{ file: string; bytes: number }>;
  packageBytes: number;
  /** Budgets, each with how it was measured and pass/fail. */
  budgets?: Budget[];
};

const f = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const ms = (s: Stat) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

export function renderMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  if (r.budgets) lines.push(...budgetSection(r.budgets));
  lines.push(`# Benchmark results`);
  lines.push('');
  lines.push(
    `${r.date.slice(0, 10)} · ${r.machine}${r.load ? ` (load average ${r.load.map((x) => x.toFixed(1)).join(' → ')}: a shared machine)` : ''} · ${r.runs} interleaved runs per method and page, fresh page load each · dataset ${r.dataset.entities.toLocaleString('en')} entities, ${r.dataset.aliases.toLocaleString('en')} aliases.`,
  );
  lines.push('');
  lines.push('## Scan (setup excluded), in a page');
  lines.push('');
  lines.push(
    `Times in ms, median (min–max), each on a fresh page load after its method's setup. (a) floor: visit every text node, read its data and every character once. (b) Backstory: the shipped walk, matcher, rules, ranges and highlights, every mention marked. (d) one case-insensitive alternation of all ${r.dataset.aliases.toLocaleString('en')} aliases with Unicode boundaries, per text node, same ranges and highlights.`,
  );
  lines.push('');
  lines.push('| page | (a) floor | (b) Backstory | (d) regex | b/a | d/b | marks b / d |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const p of r.pages) {
    const { floor, backstory, regex } = p.methods;
    lines.push(
      `| ${p.label} | ${ms(floor)} | ${ms(backstory)} | ${ms(regex)} | ${(backstory.median / floor.median).toFixed(1)} | ${(regex.median / backstory.median).toFixed(1)} | ${backstory.marks ?? '–'} / ${regex.marks ?? '–'} |`,
    );
  }
  lines.push('');
  lines.push('## Setup, in a page');
  lines.push('');
  lines.push(
    "Backstory: `Matcher.create` on the packaged index file's bytes (head and strings decoded, typed-array views, two lookup tables). Regex: escape, sort, join, compile, and run on one- and two-byte strings so V8 has native code for both. Cold: first in a fresh page (the regex source is unique per page load, so V8's regexp cache cannot serve it); warm: again in the same page.",
  );
  lines.push('');
  lines.push('| page | Backstory cold | Backstory warm | regex cold | regex warm |');
  lines.push('|---|---|---|---|---|');
  for (const p of r.pages)
    lines.push(`| ${p.label} | ${ms(p.setup.backstory.cold)} | ${ms(p.setup.backstory.warm)} | ${ms(p.setup.regex.cold)} | ${ms(p.setup.regex.warm)} |`);
  lines.push('');
  lines.push(`## mark.js, measured on a sample`);
  lines.push('');
  lines.push(
    `mark.js wraps each match in an element and walks the DOM once per keyword; it has no setup to time apart. It ran on a random sample of ${r.markjs.sample} of the ${r.markjs.of.toLocaleString('en')} aliases (seed ${r.markjs.seed}); nothing is scaled.`,
  );
  lines.push('');
  lines.push(`| page | mark.js, ${r.markjs.sample} aliases | marks |`);
  lines.push('|---|---|---|');
  for (const p of r.pages) lines.push(`| ${p.label} | ${ms(p.methods.markjs)} | ${p.methods.markjs.marks ?? '–'} |`);
  lines.push('');
  lines.push('## In the real content script');
  lines.push('');
  lines.push(
    `Method: ${r.contentScript.method}. Transfer: from asking for the packaged index file to it decoded (the browser reads the file off the main thread; head and strings decoded); matcher: \`Matcher.create\` on it (typed-array views, two lookup tables); ready: content script start to matcher ready; scan: the sliced scan (walk, match, rules, ranges of marked mentions), wall time; mark: registering the highlights. Median (min–max) of ${r.runs}.`,
  );
  lines.push('');
  lines.push('| browser | page | transfer | matcher | ready | scan | of which: finding the article | mark |');
  lines.push('|---|---|---|---|---|---|---|---|');
  const extraLabels: Record<string, string> = { words10kLayout: 'the 10,000-word article in a news-site layout (menu, most read, related, footer)' };
  for (const b of ['chromium', 'firefox'] as const) {
    const c = r.contentScript[b];
    const rows = [...r.pages.map((p) => [p.key, p.label] as const), ...Object.entries(extraLabels)];
    for (const [key, label] of rows) {
      const x = c.pages[key];
      if (x)
        lines.push(
          `| ${b} | ${label} | ${ms(x.transfer)} | ${ms(x.matcher)} | ${ms(x.ready)} | ${ms(x.scan)} | ${x.scope ? ms(x.scope) : '–'} | ${ms(x.mark)} |`,
        );
    }
  }
  lines.push('');
  lines.push('| measure | value |');
  lines.push('|---|---|');
  const busy = r.contentScript.chromium.startupBusy;
  if (busy) lines.push(`| start-up main-thread time, content script start to matcher ready, Chromium | ${ms(busy)} ms |`);
  const attached = r.contentScript.chromium.startupBusyAttached;
  if (attached) lines.push(`| the same, traced with a DevTools client attached to the page (for reference) | ${ms(attached)} ms |`);
  lines.push(`| compiled index file (packaged, read by the content script) | ${kb(r.startup.indexBytes)} |`);
  lines.push(`| decode in a page, cold (head and strings, views) | ${f(r.startup.parse)} ms |`);
  lines.push(`| Matcher.create in a page, cold / warm | ${f(r.startup.pageSetup.cold)} / ${f(r.startup.pageSetup.warm)} ms |`);
  lines.push(
    `| the same with the index grown to ${r.startup.grown.entities.toLocaleString('en')} entities (synthetic people added; file ${kb(r.startup.grown.bytes)}), cold | ${ms(r.startup.grown.setupCold)} ms |`,
  );
  const ready = (s?: Stat) => (s && Number.isFinite(s.median) ? ` (card ready, our own work: ${f(s.median)} / ${f(s.max)} ms)` : '');
  lines.push(
    `| hover to painted card, dwell 0, Chromium (median / max) | ${f(r.hoverToCard.median)} / ${f(r.hoverToCard.max)} ms${ready(r.hoverToCard.ready)} |`,
  );
  lines.push(
    `| hover to painted card, dwell 0, Firefox (median / max) | ${f(r.hoverToCard.firefox.median)} / ${f(r.hoverToCard.firefox.max)} ms${ready(r.hoverToCard.firefox.ready)} |`,
  );
  if (r.heapBytes !== undefined) lines.push(`| JS heap added, 10,000-word article, Chromium | ${(r.heapBytes / 1e6).toFixed(2)} MB |`);
  if (r.frames)
    lines.push(
      `| ${r.frames.frames} cross-origin iframes: Backstory's extra main-thread time, Chromium | ${ms(r.frames.extra)} ms (${r.frames.inFrames ? `scripts in the frames ${f(r.frames.inFrames.median)}, the page checking its frames ${f(r.frames.check!.median)}; ` : ''}wall-time totals for reference: article with frames ${f(r.frames.withFrames.median)}, alone ${f(r.frames.without.median)}${r.frames.fullScript ? `; full script in ${r.frames.fullScript.median} of the ${r.frames.frames} frames` : ''}) |`,
    );
  if (r.tabs)
    lines.push(
      `| memory per article tab, ${r.tabs.tabs} tabs, Chromium | ${(r.tabs.perTab / 1e6).toFixed(2)} MB settled (${(r.tabs.on / 1e6).toFixed(0)} MB with, ${(r.tabs.off / 1e6).toFixed(0)} MB without)${r.tabs.perTabLoaded !== undefined ? `; ${(r.tabs.perTabLoaded / 1e6).toFixed(2)} MB just loaded` : ''}${
        r.tabs.byProcess
          ? `; settled by process: ${Object.entries(r.tabs.byProcess)
              .filter(([, v]) => Math.abs(v) >= 5e4)
              .map(([k, v]) => `${k} ${(v / 1e6).toFixed(2)}`)
              .join(', ')}`
          : ''
      } |`,
    );
  for (const b of r.bundles) lines.push(`| bundle ${b.file} | ${kb(b.bytes)} |`);
  lines.push(`| Chrome package (zip) | ${kb(r.packageBytes)} |`);
  lines.push('');
  lines.push(`Hover: ${r.hoverToCard.method}.`);
  if (busy) lines.push(`Start-up main-thread time: ${busy.method}.`);
  if (r.frames) lines.push(`Frames: ${r.frames.method}.`);
  if (r.tabs) lines.push(`Tabs: ${r.tabs.method}.`);
  lines.push('');
  return lines.join('\n');
}

/** Scan times only, all measured (mark.js, on a sample, has its own table). */
export function renderChart(r: BenchResults): string {
  const methods = [
    ['floor', '(a) floor', '#94a3b8'],
    ['backstory', '(b) Backstory', '#1d4ed8'],
    ['regex', '(d) regex alternation', '#f59e0b'],
  ] as const;
  const rowH = 18;
  const groupGap = 22;
  const left = 250;
  const width = 900;
  const plotW = width - left - 120;
  const all = r.pages.flatMap((p) => methods.map(([m]) => p.methods[m].median));
  const maxLog = Math.log10(Math.max(...all, 10));
  const minLog = Math.log10(Math.max(0.01, Math.min(...all)));
  const x = (v: number) => ((Math.log10(Math.max(v, 0.01)) - minLog + 0.2) / (maxLog - minLog + 0.2)) * plotW;
  let y = 40;
  const parts: string[] = [];
  for (const p of r.pages) {
    parts.push(`<text x="10" y="${y + 12}" font-weight="600">${p.label}</text>`);
    y += 18;
    for (const [m, label, color] of methods) {
      const v = p.methods[m].median;
      parts.push(`<text x="20" y="${y + 12}" fill="#444">${label}</text>`);
      parts.push(`<rect x="${left}" y="${y + 2}" width="${Math.max(1, x(v)).toFixed(1)}" height="${rowH - 5}" fill="${color}" rx="2"/>`);
      parts.push(`<text x="${(left + x(v) + 6).toFixed(1)}" y="${y + 12}" fill="#222">${f(v)} ms</text>`);
      y += rowH;
    }
    y += groupGap;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" font-family="system-ui, sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="22" font-size="15" font-weight="700">Scan time, setup excluded (median, ms, log scale) — lower is better</text>
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
