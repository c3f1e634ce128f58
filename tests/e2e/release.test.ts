/**
 * What ships: no network or eval APIs in any built bundle, the fewest
 * permissions, and manifests fit for both stores. Runs on the builds `npm test` makes.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** APIs that could send or fetch anything, or run code from strings. */
const FORBIDDEN: Array<[string, RegExp]> = [
  // The two fetches allowed read the extension's own packaged files: card shards (entrypoints/background.ts) and
  // the index (entrypoints/content/catalogue-source.ts). Their URL is runtime.getURL(…) of a path, never anything
  // from a page or the network.
  ['fetch() of anything but a packaged file', /\bfetch\s*\((?![\w$]+\)\.then\(\s*\w+\s*=>\s*\w+\.(?:json|blob)\(\)\))/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['EventSource', /\bEventSource\b/],
  ['RTCPeerConnection', /\bRTCPeerConnection\b/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['eval()', /(^|[^.\w])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
];

test('the only fetches in the source read packaged files through runtime.getURL', () => {
  const uses: string[] = [];
  for (const dir of ['entrypoints', 'utils', 'components']) {
    for (const f of files(dir).filter((f) => /\.(ts|tsx)$/.test(f))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bfetch\s*\(/g)) uses.push(`${f}:${text.slice(0, m.index).split('\n').length}`);
    }
  }
  assert.equal(uses.length, 2, JSON.stringify(uses));
  assert.match(uses[0], /^entrypoints\/background\.ts:/);
  assert.match(uses[1], /^entrypoints\/content\/catalogue-source\.ts:/);
  const bg = readFileSync('entrypoints/background.ts', 'utf8');
  assert.match(bg, /const url = \(browser\.runtime\.getURL as \(path: string\) => string\)\(`\/\$\{shardPath\(k\)\}`\);\s*p = fetch\(url\)/);
  const content = readFileSync('entrypoints/content/catalogue-source.ts', 'utf8');
  assert.match(
    content,
    /const url = \(browser\.runtime\.getURL as \(path: string\) => string\)\(`\/\$\{INDEX_FILE\}`\);\s*const bytes = await fetch\(url\)\s*\.then\(\(r\) => r\.blob\(\)\)/,
  );
});

for (const target of ['chrome-mv3', 'firefox-mv2']) {
  describe(`the ${target} build`, () => {
    const dir = `.output/${target}`;
    test('contains no network API and no eval, in any bundle', () => {
      const found: string[] = [];
      for (const f of files(dir).filter((f) => /\.(m?js|html)$/.test(f))) {
        const text = readFileSync(f, 'utf8');
        for (const [name, re] of FORBIDDEN) if (re.test(text)) found.push(`${f}: ${name}`);
      }
      assert.deepEqual(found, []);
    });

    test('asks for the fewest permissions, with no remote code or relaxed CSP', () => {
      const m = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
      if (target === 'firefox-mv2') {
        assert.deepEqual(
          [...m.permissions].sort((a, b) => a.localeCompare(b)),
          ['contextMenus', 'storage'],
        );
        assert.equal(m.host_permissions, undefined);
      } else {
        // Chromium re-injects the content script into open tabs at install/update: the same sites, no more.
        assert.deepEqual(
          [...m.permissions].sort((a, b) => a.localeCompare(b)),
          ['contextMenus', 'scripting', 'storage'],
        );
        assert.deepEqual(m.host_permissions, m.content_scripts[0].matches);
      }
      assert.equal(m.optional_permissions, undefined);
      // The packaged index, which the content script reads (ADR 0002). Chromium: only through the per-session
      // dynamic URL, so pages cannot probe for it; Firefox lets content scripts read their own package.
      if (target === 'firefox-mv2') assert.equal(m.web_accessible_resources, undefined);
      else assert.deepEqual(m.web_accessible_resources, [{ resources: ['index.bin'], matches: m.content_scripts[0].matches, use_dynamic_url: true }]);
      assert.equal(m.content_security_policy, undefined, 'the default (strict) extension CSP applies');
      // The script at document_idle; its ::highlight styles at document_start, for the same sites and frames.
      const [script, styles] = m.content_scripts;
      assert.deepEqual(script.js, ['content-scripts/content.js']);
      assert.equal(script.css, undefined);
      assert.deepEqual(styles, { matches: script.matches, all_frames: true, match_about_blank: true, run_at: 'document_start', css: ['highlights.css'] });
      if (target === 'firefox-mv2') {
        assert.equal(m.browser_specific_settings.gecko.id, 'backstory@backstory.example');
        assert.deepEqual(m.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
      }
    });

    test('keeps the content script small: the dataset stays in the background', () => {
      const size = statSync(`${dir}/content-scripts/content.js`).size;
      assert.ok(size <= 300 * 1024, `content script is ${size} bytes`);
    });

    test('ships every locale with every message', () => {
      const en = JSON.parse(readFileSync(`${dir}/_locales/en/messages.json`, 'utf8'));
      for (const locale of ['fr', 'es', 'de', 'zh_CN']) {
        const m = JSON.parse(readFileSync(`${dir}/_locales/${locale}/messages.json`, 'utf8'));
        assert.deepEqual(Object.keys(m).sort(), Object.keys(en).sort(), locale);
      }
    });
  });
}
