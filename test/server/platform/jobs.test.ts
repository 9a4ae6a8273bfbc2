import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerNominationWorkers } from '#server/modules/nominations/workers.ts';
import { systemClock } from '#server/platform/clock.ts';
import type { AppContext } from '#server/platform/context.ts';
import { type Jobs, QUEUES, startJobs } from '#server/platform/jobs/jobs.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';

let database: TestDatabase;
let jobs: Jobs;
let inspector: PgBoss;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs(database.url, { pollingIntervalSeconds: 0.5 });
  inspector = new PgBoss({
    connectionString: database.url,
    schema: 'pgboss',
    supervise: false,
    schedule: false,
  });
  await inspector.start();
});
afterAll(async () => {
  await inspector.stop({ graceful: false });
  await jobs.stop();
  await database.drop();
});

async function queued(key: string) {
  const found = await inspector.findJobs(QUEUES.exportPackage, { key });
  return found.length;
}

describe('jobs sent inside a transaction', () => {
  it('exist when the transaction commits, and not when it rolls back', async () => {
    await database.db.transaction().execute(async (trx) => {
      await jobs.send(QUEUES.exportPackage, { packageId: 'committed' }, { trx, singletonKey: 'committed' });
    });
    await expect(
      database.db.transaction().execute(async (trx) => {
        await jobs.send(
          QUEUES.exportPackage,
          { packageId: 'rolled-back' },
          { trx, singletonKey: 'rolled-back' },
        );
        throw new Error('the use case failed after sending');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await queued('committed')).toBe(1);
    expect(await queued('rolled-back')).toBe(0);
  });
});

describe('many jobs sent in one transaction', () => {
  it('all run at once, though PostgreSQL folds their notifications into one', async () => {
    const done: string[] = [];
    await jobs.work<{ packageId: string }>(
      QUEUES.exportPackage,
      async ({ packageId }) => {
        if (packageId.startsWith('burst-')) done.push(packageId);
      },
      { concurrency: 2 },
    );
    // Let the workers settle into waiting for a notification (their backstop poll is 30 s).
    await new Promise((r) => setTimeout(r, 1500));
    const started = Date.now();
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 8; i++) await jobs.send(QUEUES.exportPackage, { packageId: `burst-${i}` }, { trx });
    });
    await expect.poll(() => done.length, { timeout: 20_000 }).toBe(8);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('queue settings', () => {
  it('give a package build hours and a photo check minutes before pg-boss takes the job for dead', async () => {
    expect((await inspector.getQueue(QUEUES.exportPackage))?.expireInSeconds).toBe(6 * 60 * 60);
    expect((await inspector.getQueue(QUEUES.materialCheck))?.expireInSeconds).toBe(15 * 60);
  });

  it('are brought up to date on a database whose queues an earlier version made', async () => {
    await inspector.updateQueue(QUEUES.materialConvert, { expireInSeconds: 60 });
    const again = await startJobs(database.url);
    await again.stop();
    expect((await inspector.getQueue(QUEUES.materialConvert))?.expireInSeconds).toBe(2 * 60 * 60);
  });
});

describe('periodic jobs', () => {
  it('reach their worker with data it reads: the deadline sweep runs as the schedule sends it', async () => {
    await registerNominationWorkers({ db: database.db, jobs, clock: systemClock } as AppContext);
    const [schedule] = await inspector.getSchedules(QUEUES.nominationDeadline);
    // What pg-boss's cron pass sends each time the schedule is due.
    const id = await inspector.send(schedule!.name, schedule!.data as object | null);
    let job = await inspector.getJobById(QUEUES.nominationDeadline, id!);
    // A failed run is retried (state 'retry'): that too is an answer.
    for (const until = Date.now() + 20_000; job && !['completed', 'failed', 'retry'].includes(job.state); ) {
      if (Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 200));
      job = await inspector.getJobById(QUEUES.nominationDeadline, id!);
    }
    expect({ state: job?.state, output: job?.output }).toEqual({ state: 'completed', output: null });
  });
});
