/**
 * Failed sign-ins are kept only as long as they can hold anyone back; an hourly job, on the app's clock,
 * removes the older ones so the table stays small however long a guesser keeps at it.
 */
import { pruneFailures } from '#server/platform/auth/throttle.ts';
import type { AppContext } from '#server/platform/context.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';

export async function registerLoginFailurePruning(context: AppContext): Promise<void> {
  await context.jobs.work(QUEUES.loginFailuresPrune, async () => {
    await pruneFailures(context.db, context.clock.now());
  });
  await context.jobs.schedule(QUEUES.loginFailuresPrune, '41 * * * *');
}
