import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    // A guard against a hung test, not a speed check: the 10,000-case property test takes ~2 s on a quiet
    // machine and far longer on a busy 2-core one. Speed is measured in npm run bench.
    testTimeout: 120_000,
  },
});
