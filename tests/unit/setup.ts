import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
// Unmount components between tests (vitest runs without globals, so testing-library cannot do it itself).
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
