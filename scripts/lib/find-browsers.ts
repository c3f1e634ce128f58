/**
 * Finds a Chromium and a Firefox the demo, the e2e tests and the benchmark can drive, and on a
 * fresh Debian or Ubuntu machine (as root) installs the missing ones with apt-get. Nothing here
 * downloads a browser build of its own. Problems are a SetupError with a short message for a
 * person, never a stack trace: `reportSetupError` prints it and exits.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type BrowserName = 'chromium' | 'firefox';

export class SetupError extends Error {
  override name = 'SetupError';
}

const ENV: Record<BrowserName, string> = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };

/** Every Chrome for Testing / Chromium build the puppeteer or playwright caches hold, newest name last. */
function cached(root: string, inner: string[]): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .flatMap((version) => inner.map((p) => join(root, version, p)));
}

/** Where each browser usually is, in order of preference. */
export function candidates(name: BrowserName, home = homedir()): string[] {
  if (name === 'chromium') {
    return [
      '/usr/lib/chromium/chromium', // Debian's chromium (the /usr/bin/chromium wrapper also works)
      '/usr/bin/chromium',
      '/usr/lib/chromium-browser/chromium-browser', // Ubuntu's chromium-browser
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      ...cached(join(home, '.cache/puppeteer/chrome'), ['chrome-linux64/chrome']),
      ...cached(join(home, '.cache/ms-playwright'), ['chrome-linux/chrome', 'chrome-linux64/chrome']).filter((p) => p.includes('/chromium-')),
    ];
  }
  return ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox/firefox'];
}

/**
 * Branded Google Chrome ignores --load-extension since version 137, so it cannot run Backstory
 * unpacked the way the tests load it. It is skipped, and named in the message so nobody wonders.
 */
export const BRANDED_CHROME = ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'];

/** The browser's executable, or a SetupError that says what to do. */
export function findBrowser(name: BrowserName, env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  const explicit = env[ENV[name]];
  if (explicit) {
    if (!exists(explicit)) throw new SetupError(`${ENV[name]} is set to ${explicit}, which does not exist. Point it at a ${name} executable, or unset it.`);
    return explicit;
  }
  const found = candidates(name).find((p) => exists(p));
  if (found) return found;
  throw new SetupError(missingMessage([name], exists));
}

type Platform = { id: string; like: string };

function platform(): Platform {
  if (process.platform === 'darwin') return { id: 'macos', like: '' };
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    const get = (k: string) => (new RegExp(`^${k}="?([^"\\n]*)"?`, 'm').exec(text)?.[1] ?? '').toLowerCase();
    return { id: get('ID'), like: get('ID_LIKE') };
  } catch {
    return { id: process.platform, like: '' };
  }
}

const isDebian = (p: Platform) => p.id === 'debian' || (p.like.includes('debian') && p.id !== 'ubuntu');
const isUbuntu = (p: Platform) => p.id === 'ubuntu' || p.like.includes('ubuntu');

/** Debian or Ubuntu package names for what is missing (the cards need the colour emoji font for flags). */
export function packagesFor(missing: BrowserName[], p: Platform = platform()): string[] {
  const ubuntu = isUbuntu(p);
  const out = missing.map((b) => (b === 'chromium' ? (ubuntu ? 'chromium-browser' : 'chromium') : ubuntu ? 'firefox' : 'firefox-esr'));
  return [...out, 'fonts-noto-color-emoji'];
}

/** The one command a person on this platform would run. */
export function installCommand(missing: BrowserName[], p: Platform = platform()): string {
  if (isDebian(p) || isUbuntu(p)) return `sudo apt-get install -y ${packagesFor(missing, p).join(' ')}`;
  const names = missing.map((b) => (b === 'chromium' ? 'chromium' : 'firefox')).join(' ');
  if (['fedora', 'rhel', 'centos'].includes(p.id) || p.like.includes('fedora')) return `sudo dnf install -y ${names}`;
  if (p.id === 'arch' || p.like.includes('arch')) return `sudo pacman -S ${names}`;
  if (p.id === 'macos') return `brew install --cask ${missing.map((b) => (b === 'chromium' ? 'chromium' : 'firefox')).join(' ')}`;
  return `install ${names} with your system's package manager`;
}

function missingMessage(missing: BrowserName[], exists: (p: string) => boolean): string {
  const lines = [
    `Backstory's demo, e2e tests and benchmark drive a real ${missing.join(' and ')}, and none was found.`,
    `Install: ${installCommand(missing)}`,
    `Or point to one: ${missing.map((b) => `${ENV[b]}=/path/to/${b}`).join(' ')}`,
  ];
  const branded = BRANDED_CHROME.find((p) => exists(p));
  if (missing.includes('chromium') && branded) {
    lines.push(`(${branded} was skipped: branded Google Chrome ignores --load-extension since version 137.)`);
  }
  return lines.join('\n');
}

const missingOf = (names: BrowserName[]) =>
  names.filter((n) => {
    try {
      findBrowser(n);
      return false;
    } catch (err) {
      if (err instanceof SetupError && process.env[ENV[n]]) throw err; // an explicit path that is wrong: never install over it
      return true;
    }
  });

/**
 * Every named browser, installed with apt-get first when this is Debian or Ubuntu and we are root.
 * Otherwise a SetupError naming the exact command.
 */
export function ensureBrowsers(names: BrowserName[]): Record<BrowserName, string> {
  const missing = missingOf(names);
  if (missing.length > 0 || (process.getuid?.() === 0 && emojiFontMissing())) {
    const p = platform();
    const root = process.getuid?.() === 0;
    if (!root || !(isDebian(p) || isUbuntu(p)) || !existsSync('/usr/bin/apt-get')) throw new SetupError(missingMessage(missing, existsSync));
    const pkgs = missing.length > 0 ? packagesFor(missing, p) : ['fonts-noto-color-emoji'];
    console.log(`Backstory: installing ${pkgs.join(', ')} with apt-get (the demo and tests drive real browsers; this happens once).`);
    const run = (args: string[]) => spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const update = run(['update']);
    const install = update.status === 0 ? run(['install', '-y', '--no-install-recommends', ...pkgs]) : update;
    if (install.status !== 0) {
      const tail = `${install.stdout ?? ''}${install.stderr ?? ''}`.trim().split('\n').slice(-5).join('\n');
      throw new SetupError(`apt-get could not install ${pkgs.join(' ')}:\n${tail}\nInstall them by hand, or set ${missing.map((b) => ENV[b]).join(' / ')}.`);
    }
    const still = missingOf(missing);
    if (still.length > 0) throw new SetupError(missingMessage(still, existsSync));
  }
  return Object.fromEntries(names.map((n) => [n, findBrowser(n)])) as Record<BrowserName, string>;
}

/** On Debian/Ubuntu: whether the colour emoji font (flags on cards) is not installed. Elsewhere: never asked. */
function emojiFontMissing(): boolean {
  if (!existsSync('/usr/bin/dpkg-query')) return false;
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', 'fonts-noto-color-emoji'], { encoding: 'utf8' });
  return !(r.stdout ?? '').includes('install ok installed');
}

/** The browser's version line, for logs ("Chromium 143.0…"); empty if it cannot say. */
export function browserVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return '';
  }
}

/** For scripts' main(): a SetupError is a message and exit 1; anything else keeps its stack. */
export function reportSetupError(err: unknown): never {
  if (err instanceof SetupError) console.error(err.message);
  else console.error(err);
  process.exit(1);
}
