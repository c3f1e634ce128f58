/**
 * npm run demo: build, then open Chromium with Backstory on the fixture articles
 * served from 127.0.0.1. With a display, the browser stays open for you to read
 * and hover; without one, it runs headless, hovers a few names, saves card
 * screenshots, prints what it found on each page, and exits.
 */
import { ExtensionPage } from './lib/extension-page';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from './lib/browsers';
import { ensureBrowsers, reportSetupError } from './lib/find-browsers';
import { centreOfText } from './lib/page-text';
import { serveFixtures } from './lib/server';

const OUT = resolve('demo-output');
/** Names to hover on each page: a person by surname, a place, an organisation. */
const TOUR: Record<string, string[]> = {
  'putin-xi-beijing': ['Jinping', 'Belt and Road Initiative', 'Xinhua'],
  'eu-ukraine-summit': ['Ursula von der Leyen', 'HIMARS'],
  'red-sea-shipping': ['Houthis', 'Bab el-Mandeb'],
  'medvedev-putin-2010': ['Vladimir Putin', 'Gazprom'],
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
  ensureBrowsers(['chromium']);
  const server = await serveFixtures('tests/fixtures');
  const session = await launch('chromium', { headless });
  console.log(`Backstory demo: fixtures at ${server.origin}/articles/ (${headless ? 'headless' : 'with a window'})`);
  if (!headless) {
    for (const name of Object.keys(TOUR)) await (await session.newPage()).goto(`${server.origin}/articles/${name}.html`);
    console.log('Hover a dotted name for its card. Close the browser window (or press Ctrl+C) to end the demo.');
    const interrupted = new Promise<void>((r) => process.once('SIGINT', () => r()));
    await Promise.race([session.closed, interrupted]);
    await session.close().catch(() => {});
    await server.close();
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const popup = await session.openExtensionPage('popup.html?tab=0');
  for (const [name, names] of Object.entries(TOUR)) {
    const page = await session.newPage();
    await page.goto(`${server.origin}/articles/${name}.html`);
    await sleep(800);
    const found = await new ExtensionPage(popup).foundInActiveTab();
    console.log(`\n${name}.html — ${found.length} entities:`);
    console.log(`  ${found.map((f) => `${f.name}${f.count > 1 ? ` ×${f.count}` : ''}`).join(', ')}`);
    for (const text of names) {
      const at = await centreOfText(page, text);
      if (!at) continue;
      await page.mouse.move(at.x - 40, at.y + 50);
      await sleep(60);
      await page.mouse.move(at.x, at.y, { steps: 4 });
      await sleep(900);
      const file = `${OUT}/${name}--${text.replace(/\W+/g, '-').toLowerCase()}.png`;
      await page.screenshot({ path: file });
      console.log(`  card for “${text}”: ${file}`);
      await page.keyboard.press('Escape');
    }
    await page.close();
  }
  await session.close();
  await server.close();
  console.log(`\nScreenshots are in ${OUT}`);
}

main().catch(reportSetupError);
