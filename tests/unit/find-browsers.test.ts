import { describe, expect, test } from 'vitest';
import { candidates, findBrowser, installCommand, packagesFor, SetupError } from '../../scripts/lib/find-browsers';

const only =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('finding the browsers', () => {
  test('an explicit path is used when it exists, and is an error that names it when it does not', () => {
    expect(findBrowser('chromium', { CHROMIUM_PATH: '/opt/c/chrome' }, only('/opt/c/chrome'))).toBe('/opt/c/chrome');
    expect(() => findBrowser('chromium', { CHROMIUM_PATH: '/nowhere' }, only('/usr/bin/chromium'))).toThrow(SetupError);
    expect(() => findBrowser('firefox', { FIREFOX_PATH: '/nowhere' }, only())).toThrow(/FIREFOX_PATH is set to \/nowhere, which does not exist/);
  });

  test('the usual places, Debian first, then Ubuntu, then the caches', () => {
    expect(findBrowser('chromium', {}, only('/usr/bin/chromium-browser', '/usr/bin/chromium'))).toBe('/usr/bin/chromium');
    expect(findBrowser('firefox', {}, only('/usr/bin/firefox'))).toBe('/usr/bin/firefox');
    expect(candidates('firefox')[0]).toBe('/usr/bin/firefox-esr');
  });

  test('none found: the message names the command and the variables, and skips branded Chrome with its reason', () => {
    let message = '';
    try {
      findBrowser('chromium', {}, only('/usr/bin/google-chrome'));
    } catch (err) {
      expect(err).toBeInstanceOf(SetupError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/CHROMIUM_PATH=/);
    expect(message).toMatch(/Install: /);
    expect(message).toMatch(/google-chrome was skipped: branded Google Chrome ignores --load-extension/);
  });

  test('package names and the install command follow the platform', () => {
    const debian = { id: 'debian', like: '' };
    const ubuntu = { id: 'ubuntu', like: 'debian' };
    expect(packagesFor(['chromium', 'firefox'], debian)).toEqual(['chromium', 'firefox-esr', 'fonts-noto-color-emoji']);
    expect(packagesFor(['chromium'], ubuntu)).toEqual(['chromium-browser', 'fonts-noto-color-emoji']);
    expect(installCommand(['firefox'], debian)).toBe('sudo apt-get install -y firefox-esr fonts-noto-color-emoji');
    expect(installCommand(['chromium'], { id: 'fedora', like: '' })).toBe('sudo dnf install -y chromium');
    expect(installCommand(['chromium', 'firefox'], { id: 'macos', like: '' })).toBe('brew install --cask chromium firefox');
  });
});
