/**
 * Waits until every published winner's photos and videos have their showcase copies. Each copy made
 * announces a public change (the winner's page now shows it), so a test counting public changes waits
 * for this first: otherwise a copy finished late on a busy machine counts as the test's own change.
 */
import { sql } from 'kysely';
import { queueShowcaseDerivatives } from '#server/modules/showcase/workers.ts';
import type { AppContext } from '#server/platform/context.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';

export async function showcaseCopiesMade(
  context: Pick<AppContext, 'db' | 'jobs'>,
  withinMs = 180_000,
): Promise<void> {
  const { db } = context;
  // The app queues them after each public change without waiting; queue here too, so none is still to come.
  await queueShowcaseDerivatives(context);
  for (const until = Date.now() + withinMs; Date.now() < until; ) {
    const { rows } = await sql<{ pending: number }>`
      select count(*)::int as pending from pgboss.job
      where name = ${QUEUES.showcaseDerivatives} and state in ('created', 'retry', 'active')`.execute(db);
    if (rows[0]!.pending === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the showcase copies were not made within ${withinMs / 1000} s`);
}
