/**
 * npm run browsers [-- chromium firefox]: finds (or, as root on Debian/Ubuntu, installs) the
 * browsers the demo, e2e tests and benchmark drive, and prints where they are. With no names it
 * takes E2E_BROWSERS (comma-separated), else both. Exit 1 with a short message when it cannot.
 */
import { browserVersion, ensureBrowsers, reportSetupError, type BrowserName } from './lib/find-browsers';

const ALL: BrowserName[] = ['chromium', 'firefox'];
const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = (args.length > 0 ? args : (process.env.E2E_BROWSERS?.split(',') ?? ALL)).map((s) => s.trim()) as BrowserName[];

try {
  const bad = wanted.filter((b) => !ALL.includes(b));
  if (bad.length > 0) {
    console.error(`Unknown browser ${bad.join(', ')}: use ${ALL.join(' or ')}.`);
    process.exit(1);
  }
  const found = ensureBrowsers(wanted);
  if (!process.argv.includes('--quiet')) for (const b of wanted) console.log(`${b}: ${found[b]} ${browserVersion(found[b])}`.trim());
} catch (err) {
  reportSetupError(err);
}
