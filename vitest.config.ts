import os from 'node:os';
import { defineConfig } from 'vitest/config';

const INCLUDE = ['src/**/*.test.ts', 'test/**/*.test.ts'];
// Each of these drives whole processes (Chromium and a server, several servers behind nginx, a server
// started, killed or stopped and waited for, its disk filled) and takes most of a core: they run one file
// at a time, after the rest, so a neighbour never slows a process they are timing.
const ONE_AT_A_TIME = [
  'test/e2e/**',
  'test/server/faults/**',
  'test/server/scale-out/**',
  'test/server/process-roles.test.ts',
  'test/server/restart-after-crash.test.ts',
  'test/server/stop-gracefully.test.ts',
  'test/server/modules/materials/resume-after-kill.test.ts',
  'test/server/platform/embedded-postgres*.test.ts',
];

/**
 * What never reaches the database, or reaches it only as the files above already do: CI's second pass,
 * on the oldest PostgreSQL the platform supports (`TUIJIE_TESTS=database`), leaves these out. Core's pure
 * rules, the embedded cluster's own tests, LibreOffice and ffmpeg conversions. (Vitest's --exclude on the
 * command line does not reach a project that has an exclude of its own, hence a variable.)
 */
const NOT_DATABASE = [
  'src/core/**',
  'test/server/platform/pdf-converter.test.ts',
  'test/server/modules/materials/convert.test.ts',
  'test/server/modules/materials/cli-same-verdict.test.ts',
  'test/server/modules/documents/form-pdf-load.test.ts',
];
const databaseOnly = process.env.TUIJIE_TESTS === 'database';

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // The personal-data key of every test and of the servers they start (not a secret: test data only).
    env: { TUIJIE_DATA_KEY: Buffer.from('tuijie-test-data-key-not-secret!').toString('base64') },
    testTimeout: 30_000,
    // Browser journeys wait for pages that load slowly when the machine is busy (CI runs on 2 cores).
    expect: { poll: { timeout: 20_000 } },
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'side-by-side',
          include: INCLUDE,
          exclude: [...ONE_AT_A_TIME, ...(databaseOnly ? NOT_DATABASE : [])],
          // Mostly waiting on PostgreSQL, LibreOffice or a child process: a file per core. (Vitest's own
          // default keeps one core free, which on CI's two runs the whole suite in a single file at a time.)
          maxWorkers: os.availableParallelism(),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'one-at-a-time',
          // The database pass leaves all of these to the first: they test processes, files and pages.
          include: databaseOnly
            ? []
            : ONE_AT_A_TIME.map((glob) => (glob.endsWith('/**') ? `${glob}/*.test.ts` : glob)),
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
