/**
 * The app's own job queue, with every job sent through it held back until a date no test reaches: the
 * row it was sent for stays waiting (a check not yet run, a package not yet built) until the test runs
 * the work itself. The jobs are real pg-boss jobs, sent in the caller's transaction.
 */
import type { Jobs } from '#server/platform/jobs/jobs.ts';

// pg-boss compares with the database's own time, which the test clock does not move.
const NEVER_IN_A_TEST = new Date('2100-01-01T00:00:00Z');

export function heldJobs(jobs: Jobs): Jobs {
  return {
    ...jobs,
    send: (queue, data, options) => jobs.send(queue, data, { ...options, startAfter: NEVER_IN_A_TEST }),
  };
}
