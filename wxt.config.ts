import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { datasetPlugin } from './scripts/vite-dataset-plugin';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), datasetPlugin()],
    // Vite's modulepreload polyfill calls fetch(); extension pages load their chunks locally without it.
    build: { modulePreload: { polyfill: false } },
  }),
  zip: {
    // The Firefox sources package: what a reviewer needs to rebuild, without tests and generated files.
    excludeSources: ['tests/**', 'test-results/**', 'demo-output/**', 'docs/bench/**', 'docs/screenshots/**', '.ci/**', '*.log', 'web-ext-artifacts/**'],
  },
  hooks: {
    // The mark styles (only ::highlight rules) go in through the manifest, never as a <style> in the page,
    // and at document_start: a sheet added to a finished page restyles and re-lays it out (40 ms on 2 MB in
    // Firefox), one present before the first layout costs nothing.
    'build:manifestGenerated': (_wxt, manifest) => {
      const script = manifest.content_scripts?.find((cs) => cs.js?.some((f) => f.endsWith('content-scripts/content.js')));
      if (!script) throw new Error('no content script in the manifest');
      // In every frame, in both browsers: Chromium's subframes get the full script only when their gate asks.
      manifest.content_scripts!.push({
        matches: script.matches,
        all_frames: true,
        match_about_blank: script.match_about_blank,
        run_at: 'document_start',
        css: ['highlights.css'],
      });
      // Chromium runs no script of ours in subframes from the manifest: the top frame's script asks the background
      // for the small frame gate (entrypoints/frame-gate.ts) only once it sees a frame that may hold part of the
      // article (utils/dom/frames.ts). Firefox runs the full script in every frame.
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Chromium also needs `scripting`, and host access equal to the content script's own matches (so no
    // new install warning), to put the content script into tabs already open at install or update.
    // Firefox does that by itself.
    ...(browser === 'firefox'
      ? { permissions: ['storage', 'contextMenus'] }
      : { permissions: ['storage', 'contextMenus', 'scripting'], host_permissions: ['<all_urls>'] }),
    // The compiled index (ADR 0002) is a packaged file the content script reads for itself. Chromium lets a
    // content script read only web-accessible files; the dynamic URL changes every session, so a page cannot
    // probe for it to tell that Backstory is installed. Firefox lets content scripts read their own package.
    ...(browser === 'firefox' ? {} : { web_accessible_resources: [{ resources: ['index.bin'], matches: ['<all_urls>'], use_dynamic_url: true }] }),
    action: { default_title: 'Backstory' },
    // Rebindable in chrome://extensions/shortcuts and about:addons → Manage extension shortcuts.
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Go to the next marked name and open its card' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Go to the previous marked name and open its card' },
    },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
