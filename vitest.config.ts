import { defineConfig } from 'vitest/config';

/** One temporary folder per run, removed when it ends (tests/setup/temp-root.ts). */
const TEMP_ROOT = 'tests/setup/temp-root.ts';

/**
 * `unit`: pure library code and validation, no build.
 * `e2e`: real builds served on loopback, driven in Debian's Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/**/*.test.ts'], globalSetup: [TEMP_ROOT], testTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: [TEMP_ROOT, 'e2e/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
