import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    // Browser journeys wait for pages that load slowly when the machine is busy (CI runs on 2 cores).
    expect: { poll: { timeout: 20_000 } },
    hookTimeout: 60_000,
  },
});
