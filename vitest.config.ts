import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // The personal-data key of every test and of the servers they start (not a secret: test data only).
    env: { TUIJIE_DATA_KEY: Buffer.from('tuijie-test-data-key-not-secret!').toString('base64') },
    testTimeout: 30_000,
    // Browser journeys wait for pages that load slowly when the machine is busy (CI runs on 2 cores).
    expect: { poll: { timeout: 20_000 } },
    hookTimeout: 60_000,
  },
});
