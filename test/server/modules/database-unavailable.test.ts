/**
 * PostgreSQL stopping under a running app (a restart, a crash, a full disk): API answers say, in Chinese,
 * that the data cannot be read for now (503, DB_UNAVAILABLE), not that the platform is broken; once it is
 * back the same app serves again and works its jobs, without a restart of its own. A real server of this
 * test's own, really stopped and started again.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { systemClock } from '#server/platform/clock.ts';
import { loadConfig } from '#server/platform/config.ts';
import { createDb, type Db, withDatabase } from '#server/platform/db/database.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '#server/platform/db/embedded-postgres.ts';
import { migrate } from '#server/platform/db/migrate.ts';
import { type Jobs, QUEUES, startJobs } from '#server/platform/jobs/jobs.ts';
import { installDataKeys, keyringFromEnv } from '#server/platform/personal-data/data-keys.ts';
import { createPublicPages } from '#server/platform/public-pages.ts';
import { createDiskStorage } from '#server/platform/storage/disk-storage.ts';
import { createUploadLocker } from '#server/platform/storage/upload-locker.ts';
import { seedDemo } from '#server/seed/seed-demo.ts';
import { runOnServer } from '#test/support/pg-admin.ts';

let varDir: string;
let server: EmbeddedDatabase;
let db: Db;
let jobs: Jobs;
let app: FastifyInstance;
let password: string;
let url: string;

beforeAll(async () => {
  // The test app's personal-data key (vitest.config.ts), as a start would load it: the demo seals phones.
  installDataKeys(keyringFromEnv(process.env)!);
  varDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-db-down-'));
  await chmod(varDir, 0o755);
  server = await startEmbeddedPostgres(path.join(varDir, 'pg'));
  await runOnServer(server.serverUrl, 'CREATE DATABASE tuijie');
  url = withDatabase(server.serverUrl, 'tuijie');
  await migrate(url);
  db = createDb(url, 4);
  const credentials = await seedDemo(db, { nominations: false, now: systemClock.now() });
  password = credentials.find((c) => c.username === 'jilin-admin')!.password;
  jobs = await startJobs(url, { pollingIntervalSeconds: 0.5 });
  const filesDir = path.join(varDir, 'files');
  const config = {
    ...loadConfig({}),
    databaseUrl: url,
    filesDir,
    varDir,
    webDistDir: path.join(varDir, 'web'),
  };
  app = await buildApp(
    {
      config,
      db,
      storage: createDiskStorage(filesDir),
      jobs,
      clock: systemClock,
      publicPages: createPublicPages(),
      uploadLocker: createUploadLocker(url),
    },
    { logger: false },
  );
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await db?.destroy();
  await server?.stop();
  await rm(varDir, { recursive: true, force: true });
}, 60_000);

const login = () =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'jilin-admin', password } });

describe('with PostgreSQL stopped', () => {
  it('answers 503 DB_UNAVAILABLE in plain Chinese, and keeps its other answers', async () => {
    const before = await login();
    expect(before.statusCode).toBe(200);
    const cookie = `tuijie_session=${before.cookies.find((c) => c.name === 'tuijie_session')!.value}`;

    await server.stop();
    const expected = {
      code: 'DB_UNAVAILABLE',
      message: '系统暂时无法读取数据，请稍后再试；如长时间无法使用，请联系平台管理员',
    };
    const signIn = await login();
    expect(signIn.statusCode).toBe(503);
    expect(signIn.json()).toEqual(expected);
    const page = await app.inject({ method: 'GET', url: '/api/campaigns', headers: { cookie } });
    expect(page.statusCode).toBe(503);
    expect(page.json()).toEqual(expected);
    // The health check, which reports the database, still answers (it is what an operator looks at).
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).not.toBe(500);
  }, 120_000);

  it('serves again once PostgreSQL is back, and works its jobs', async () => {
    server = await startEmbeddedPostgres(path.join(varDir, 'pg'), () => {}, Number(new URL(url).port));
    let signIn = await login();
    for (const until = Date.now() + 60_000; signIn.statusCode !== 200 && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 500));
      signIn = await login();
    }
    expect(signIn.statusCode, signIn.body).toBe(200);
    // The queue reconnects too: a deadline sweep sent now is worked.
    const id = await jobs.send(QUEUES.nominationDeadline, {});
    let state = '';
    for (const until = Date.now() + 60_000; state !== 'completed' && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 500));
      const { rows } = await sql<{
        state: string;
      }>`select state::text from pgboss.job where id = ${id}`.execute(db);
      state = rows[0]?.state ?? '';
    }
    expect(state).toBe('completed');
  }, 180_000);
});
