import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['fake-indexeddb/auto'],
    // Property tests over every profile take a few seconds on a quiet machine; on a busy
    // 2-core one the 5 s default fails them for time alone.
    testTimeout: 20_000,
  },
});
