/**
 * Generated benchmark pages from a fixed seed: news-like prose with real names
 * from the dataset mixed in at a realistic density (about one name per 40 words).
 */
import { mkdirSync, writeFileSync } from 'node:fs';

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `the of and to in a is that for on with as was by said it at from his an be has have are but not this which
they were after their had been more its also who one two new first last government officials minister talks week year
people country state military economic security trade deal agreement report president leader party election city region
border forces attack support aid sanctions oil gas prices market bank policy court vote meeting summit statement spokesman
according analysts would could while during against between over about into than other some many most such only further
despite amid ahead under since before where when how what all any both each few own same so very just still even back
plans warned called agreed rejected announced expected reported added told urged denied signed held raised cut rose fell`
  .split(/\s+/)
  .filter(Boolean);

export type GeneratedPage = { file: string; words: number; chars: number };

function page(title: string, paragraphs: string[], longtasks: boolean): string {
  const observer = longtasks
    ? `<script>window.__lt=[];try{new PerformanceObserver(function(l){l.getEntries().forEach(function(e){window.__lt.push({start:e.startTime,duration:e.duration})})}).observe({type:'longtask',buffered:true})}catch(e){}</script>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:type" content="article">${observer}
<style>body{font:17px/1.6 Georgia,serif;max-width:700px;margin:2rem auto;padding:0 1rem}</style></head>
<body><article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></body></html>`;
}

export function generatePages(dir: string, names: string[], seed = 20261129): Record<string, GeneratedPage> {
  mkdirSync(dir, { recursive: true });
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraph = (words: number) => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(rnd() < 1 / 40 ? esc(pick(names)) : pick(WORDS));
    const s = out.join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const build = (file: string, title: string, until: (words: number, chars: number) => boolean) => {
    const ps: string[] = [];
    let words = 0;
    let chars = 0;
    while (!until(words, chars)) {
      const n = 40 + Math.floor(rnd() * 80);
      const p = paragraph(n);
      ps.push(p);
      words += n;
      chars += p.length;
    }
    writeFileSync(`${dir}/${file}`, page(title, ps, true));
    return { file, words, chars, paragraphs: ps };
  };
  // The same 10,000 words inside a news site's furniture (menu, most-read list, related links, footer), for the
  // cost of finding the article (ADR 0003): what scoping adds to the scan.
  const furnished = (file: string, from: { paragraphs: string[]; words: number; chars: number }) => {
    const link = (i: number) => `<li><a href="/story/${i}">${esc(pick(names))} ${pick(WORDS)} ${pick(WORDS)} ${esc(pick(names))}</a></li>`;
    const list = (cls: string, n: number) => `<ul class="${cls}">${Array.from({ length: n }, (_, i) => link(i)).join('')}</ul>`;
    const body = `<header class="site-header"><nav>${list('menu', 12)}</nav></header>
<main><article><h1>Generated article in a news-site layout, 10,000 words</h1><p class="standfirst">${paragraph(25)}</p>
<div class="story-body">${from.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div>
<aside class="related">${list('related', 8)}</aside></article>
<aside class="most-read"><h2>Most read</h2>${list('most-read', 10)}</aside></main>
<footer class="site-footer">${list('footer-links', 20)}</footer>`;
    writeFileSync(
      `${dir}/${file}`,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated article in a layout</title>
<meta property="og:type" content="article"></head><body>${body}</body></html>`,
    );
    return { file, words: from.words, chars: from.chars };
  };
  const words10k = build('generated-10k-words.html', 'Generated article, 10,000 words', (w) => w >= 10_000);
  const text2mb = build('generated-2mb.html', 'Generated page, 2 MB of text', (_w, c) => c >= 2_000_000);
  const words10kLayout = furnished('generated-10k-words-layout.html', words10k);
  const strip = ({ file, words, chars }: GeneratedPage) => ({ file, words, chars });
  return { words10k: strip(words10k), text2mb: strip(text2mb), words10kLayout };
}

/**
 * An article with `frames` cross-origin iframes (the same server under the name localhost), each a
 * small page that is not an article, as ads and embeds are; with 0 frames, the same article alone.
 */
export function generateFramePages(dir: string, names: string[], frames = 20): { withFrames: string; without: string } {
  mkdirSync(dir, { recursive: true });
  const rnd = mulberry32(7);
  const text = (n: number) =>
    Array.from({ length: n }, () => (rnd() < 1 / 40 ? names[Math.floor(rnd() * names.length)] : WORDS[Math.floor(rnd() * WORDS.length)])).join(' ');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = Array.from({ length: 20 }, () => `<p>${esc(text(60))}.</p>`).join('\n');
  const article = (iframes: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article with frames</title>
<meta property="og:type" content="article"></head>
<body><article><h1>Article with frames</h1>
${paragraphs}
${iframes}
</article>
<script>document.querySelectorAll('iframe[data-src]').forEach(function (f) { f.src = location.origin.replace('127.0.0.1', 'localhost') + f.dataset.src; });</script>
</body></html>`;
  const iframes = Array.from(
    { length: frames },
    (_, i) => `<iframe data-src="/bench/frame-ad.html?${i}" width="300" height="60" title="ad ${i}"></iframe>`,
  ).join('\n');
  writeFileSync(
    `${dir}/frame-ad.html`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ad</title></head><body><p>Sponsored: ${esc(text(20))}.</p></body></html>`,
  );
  writeFileSync(`${dir}/frames-${frames}.html`, article(iframes));
  writeFileSync(`${dir}/frames-0.html`, article(''));
  return { withFrames: `frames-${frames}.html`, without: 'frames-0.html' };
}
