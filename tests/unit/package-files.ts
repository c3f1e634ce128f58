/**
 * The extension's package as the content script reads it: `fetch(runtime.getURL(path))` answered from
 * `files`, counting reads per path. Anything else fails as a fetch of a missing file would.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export function servePackage(files: Record<string, Uint8Array>) {
  const reads = new Map<string, number>();
  const base = fakeBrowser.runtime.getURL('/');
  vi.stubGlobal('fetch', (url: string) => {
    const path = String(url).startsWith(base) ? String(url).slice(base.length) : undefined;
    const file = path === undefined ? undefined : files[path];
    if (!file) return Promise.reject(new TypeError(`Failed to fetch ${String(url)}`));
    reads.set(path!, (reads.get(path!) ?? 0) + 1);
    return Promise.resolve(new Response(file.slice()));
  });
  return { reads: (path: string) => reads.get(path) ?? 0 };
}
