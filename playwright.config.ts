import { defineConfig } from '@playwright/test';

// Browsers are the system's (Debian chromium / firefox-esr); nothing is downloaded.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  // One retry in CI: the machine is shared and timing-bound tests can lose a race; a real
  // failure fails twice. Playwright reports retried tests as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
});
