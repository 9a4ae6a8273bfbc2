/**
 * The real app with its context in reach, so a test can put a file into storage, insert its material
 * row and send `material-check` in one transaction, as the upload does, and watch the workers.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../../../src/server/app.ts';
import { loadConfig } from '../../../../src/server/platform/config.ts';
import type { AppContext } from '../../../../src/server/platform/context.ts';
import { QUEUES, startJobs } from '../../../../src/server/platform/jobs/jobs.ts';
import { createDiskStorage } from '../../../../src/server/platform/storage/disk-storage.ts';
import { seedDemo } from '../../../../src/server/seed/seed-demo.ts';
import type { TestApp } from '../../../support/app.ts';
import { createTestDatabase } from '../../../support/database.ts';

export type JobsTestApp = TestApp & { context: AppContext };

export async function createJobsTestApp(): Promise<JobsTestApp> {
  const database = await createTestDatabase();
  const filesDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-files-'));
  const config = {
    ...loadConfig({}),
    databaseUrl: database.url,
    filesDir,
    webDistDir: path.join(filesDir, 'no-web'),
  };
  const credentials = new Map(
    (await seedDemo(database.db, { nominations: false })).map((c) => [c.username, c]),
  );
  const jobs = await startJobs(database.url, { pollingIntervalSeconds: 0.5 });
  const context: AppContext = { config, db: database.db, storage: createDiskStorage(filesDir), jobs };
  const app = await buildApp(context, { logger: process.env.TEST_LOG ? { level: 'error' } : false });
  await app.ready();
  return {
    app,
    database,
    credentials,
    context,
    async close() {
      await app.close();
      await jobs.stop();
      await database.drop();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

export interface AddedMaterial {
  id: string;
  storageKey: string;
  sha256: string;
}

/** Stores `file` and inserts its `pending` row with its check job, in one transaction. */
export async function addMaterial(
  { context }: JobsTestApp,
  material: { nominationId: string; setKey: string; slotId: string; file: string; fileName?: string },
): Promise<AddedMaterial> {
  const storageKey = `test-uploads/${randomUUID()}`;
  const stored = await context.storage.write(storageKey, createReadStream(material.file));
  const id = await context.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('materials')
      .values({
        nominationId: material.nominationId,
        setKey: material.setKey,
        slotId: material.slotId,
        storageKey,
        fileName: material.fileName ?? path.basename(material.file),
        bytes: stored.bytes,
        sha256: stored.sha256,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await context.jobs.send(QUEUES.materialCheck, { materialId: row.id }, { trx });
    return row.id;
  });
  return { id, storageKey, sha256: stored.sha256 };
}

export function materialRow({ database }: JobsTestApp, id: string) {
  return database.db.selectFrom('materials').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Waits (as long as the machine needs, up to `timeout`) until the row has left `pending`/`converting`. */
export async function settled(t: JobsTestApp, id: string, timeout = 300_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const row = await materialRow(t, id);
    if (row.state === 'passed' || row.state === 'failed') return row;
    if (Date.now() > until) throw new Error(`material ${id} still ${row.state} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const errorCodes = (findings: unknown) =>
  (findings as { code: string; severity: string }[]).filter((f) => f.severity === 'error').map((f) => f.code);
