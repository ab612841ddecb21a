import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** The long lifetime suite: `npm run test:soak` (SOAK_MINUTES, default 5). */
export default defineConfig({ ...base, testDir: 'tests/soak', testMatch: '**/*.soak.ts', timeout: 0 });
