/**
 * The test app of test/support/app.ts, plus what package tests need beside HTTP: the storage the app
 * writes to (to store real material files as an upload would) and the database URL and files folder
 * (for `tuijie export` run as a child process against the same data).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../../../src/server/app.ts';
import { loadConfig } from '../../../../src/server/platform/config.ts';
import { startJobs } from '../../../../src/server/platform/jobs/jobs.ts';
import { createDiskStorage } from '../../../../src/server/platform/storage/disk-storage.ts';
import type { Storage } from '../../../../src/server/platform/storage/storage.ts';
import { seedDemo } from '../../../../src/server/seed/seed-demo.ts';
import { as, login, type Session, type TestApp } from '../../../support/app.ts';
import { createTestDatabase } from '../../../support/database.ts';

export interface PackageTestApp extends TestApp {
  storage: Storage;
  filesDir: string;
}

export async function createPackageTestApp(): Promise<PackageTestApp> {
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
  const storage = createDiskStorage(filesDir);
  const app = await buildApp(
    { config, db: database.db, storage, jobs },
    { logger: process.env.TEST_LOG ? { level: 'error' } : false },
  );
  await app.ready();
  return {
    app,
    database,
    credentials,
    storage,
    filesDir,
    async close() {
      await app.close();
      await jobs.stop();
      await database.drop();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** A second reporting unit's submitter (吉林市教育局), created by the Jilin organiser. */
export async function secondUnit(t: TestApp, organiser: Session): Promise<Session> {
  const org = await t.database.db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', '吉林市教育局')
    .executeTakeFirstOrThrow();
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers: as(organiser),
    payload: {
      username: 'jilin-city',
      displayName: '吉林市填报员',
      organisationId: org.id,
      roles: ['unit_submitter'],
    },
  });
  const password = created.json().initialPassword;
  const first = await login(t.app, 'jilin-city', password);
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: as(first),
    payload: { currentPassword: password, newPassword: 'JilinCity2026' },
  });
  return first;
}
