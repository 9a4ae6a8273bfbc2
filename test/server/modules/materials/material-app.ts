/**
 * The real app for material tests, like test/support/app.ts but with its files folder in hand (so a test
 * can see that a refusal stored nothing) and optionally listening on loopback for a real tus client.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../../../src/server/app.ts';
import { loadConfig } from '../../../../src/server/platform/config.ts';
import { startJobs } from '../../../../src/server/platform/jobs/jobs.ts';
import { createDiskStorage } from '../../../../src/server/platform/storage/disk-storage.ts';
import { seedDemo } from '../../../../src/server/seed/seed-demo.ts';
import { as, login, type Session, type TestApp } from '../../../support/app.ts';
import { createTestDatabase } from '../../../support/database.ts';

export interface MaterialTestApp extends TestApp {
  filesDir: string;
  /** Base URL when listening. */
  url: string;
  /** Every file below the files folder, relative, sorted. */
  storedFiles(): Promise<string[]>;
  materialCount(): Promise<number>;
}

export async function createMaterialApp(options: { listen?: boolean } = {}): Promise<MaterialTestApp> {
  const database = await createTestDatabase();
  const filesDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-material-files-'));
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
  const app = await buildApp(
    { config, db: database.db, storage: createDiskStorage(filesDir), jobs },
    { logger: process.env.TEST_LOG ? { level: 'error' } : false },
  );
  await app.ready();
  let url = '';
  if (options.listen) url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    database,
    credentials,
    filesDir,
    url,
    async storedFiles() {
      const entries = await readdir(filesDir, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile())
        .map((e) => path.relative(filesDir, path.join(e.parentPath, e.name)))
        .sort();
    },
    async materialCount() {
      const row = await database.db
        .selectFrom('materials')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async close() {
      await app.close();
      await jobs.stop();
      await database.drop();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** A submitter of 吉林市教育局, another reporting unit of the Jilin round, made by the Jilin organiser. */
export async function secondUnitSession(t: TestApp, organiser: Session): Promise<Session> {
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
  const first = await login(t.app, 'jilin-city', created.json().initialPassword);
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: as(first),
    payload: { currentPassword: created.json().initialPassword, newPassword: 'JilinCity2026' },
  });
  return first;
}
