/**
 * Waits until no showcase copy is queued or being made (the app queues them at start and after each public
 * change, so once none is left every published winner's photos and videos have theirs). Each copy made
 * announces a public change (the winner's page now shows it), so a test counting public changes waits
 * for this first: otherwise a copy finished late on a busy machine counts as the test's own change.
 */
import { sql } from 'kysely';
import type { AppContext } from '#server/platform/context.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';

export async function showcaseCopiesMade(context: Pick<AppContext, 'db'>, withinMs = 180_000): Promise<void> {
  const { db } = context;
  for (const until = Date.now() + withinMs; Date.now() < until; ) {
    const { rows } = await sql<{ pending: number }>`
      select count(*)::int as pending from pgboss.job
      where name = ${QUEUES.showcaseDerivatives} and state in ('created', 'retry', 'active')`.execute(db);
    if (rows[0]!.pending === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the showcase copies were not made within ${withinMs / 1000} s`);
}
