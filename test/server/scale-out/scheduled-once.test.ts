/**
 * Scheduled jobs run once per schedule however many instances schedule them (issue #16 item 1): every
 * instance registers the same schedules at start (`jobs.schedule`), and pg-boss claims each due slot in the
 * database, so two instances make one job a slot, not two. Here both schedule a queue every minute and no
 * worker takes the jobs, so each slot's jobs stay countable.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Jobs, QUEUES, startJobs } from '#server/platform/jobs/jobs.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';

let database: TestDatabase;
const instances: Jobs[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 2; i++) instances.push(await startJobs(database.url, { pollingIntervalSeconds: 0.5 }));
});
afterAll(async () => {
  for (const jobs of instances) await jobs.stop();
  await database?.drop();
});

const slots = async () =>
  (
    await sql<{ slot: string; jobs: number }>`
      select to_char(date_trunc('minute', created_on), 'HH24:MI') as slot, count(*)::int as jobs
      from pgboss.job where name = ${QUEUES.loginFailuresPrune} group by 1 order by 1`.execute(database.db)
  ).rows;

describe('a schedule registered by two instances', () => {
  it('makes one job a slot', async () => {
    await Promise.all(instances.map((jobs) => jobs.schedule(QUEUES.loginFailuresPrune, '* * * * *')));
    const stored = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.schedule where name = ${QUEUES.loginFailuresPrune}`.execute(
      database.db,
    );
    expect(stored.rows[0]!.n).toBe(1);
    // Two slots pass: both instances had their turn at each.
    for (const until = Date.now() + 200_000; (await slots()).length < 2 && Date.now() < until; )
      await new Promise((r) => setTimeout(r, 1000));
    const made = await slots();
    expect(made.length).toBeGreaterThanOrEqual(2);
    for (const slot of made) expect(slot, slot.slot).toMatchObject({ jobs: 1 });
  }, 240_000);
});
