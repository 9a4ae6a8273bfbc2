import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { startJobs } from '../../src/server/platform/jobs/jobs.ts';
import { createDiskStorage } from '../../src/server/platform/storage/disk-storage.ts';
import { seedDemoMaterials } from '../../src/server/seed/demo-materials.ts';
import { type DemoCredential, seedDemo } from '../../src/server/seed/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  credentials: Map<string, DemoCredential>;
  close(): Promise<void>;
}

/**
 * The real app on a fresh database seeded with the demo organisations, accounts and campaigns; with
 * `demoNominations` also the demo's nominations (by default a test starts from empty campaigns).
 */
export async function createTestApp(options: { demoNominations?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const filesDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-files-'));
  const config = {
    ...loadConfig({}),
    databaseUrl: database.url,
    filesDir,
    webDistDir: path.join(filesDir, 'no-web'),
  };
  const credentials = new Map(
    (await seedDemo(database.db, { nominations: options.demoNominations ?? false })).map((c) => [
      c.username,
      c,
    ]),
  );
  if (options.demoNominations) await seedDemoMaterials(database.db, createDiskStorage(filesDir));
  const jobs = await startJobs(database.url, { pollingIntervalSeconds: 0.5 });
  const app = await buildApp(
    { config, db: database.db, storage: createDiskStorage(filesDir), jobs },
    { logger: process.env.TEST_LOG ? { level: 'error' } : false },
  );
  await app.ready();
  return {
    app,
    database,
    credentials,
    async close() {
      await app.close();
      await jobs.stop();
      await database.drop();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  accountId: string;
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'tuijie_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `tuijie_session=${cookie.value}`;
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  const body = response.json();
  return { cookie: sessionCookie(response), csrfToken: body.csrfToken, accountId: body.me.id };
}

/** Logs a demo account in and, as its first login requires, changes its one-time password. */
export async function loginAs(t: TestApp, username: string): Promise<Session> {
  const credential = t.credentials.get(username);
  if (!credential) throw new Error(`no demo account ${username}`);
  const session = await login(t.app, username, credential.password);
  const newPassword = `${credential.password}Changed9`;
  const changed = await t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    payload: { currentPassword: credential.password, newPassword },
  });
  if (changed.statusCode !== 204) throw new Error(`password change for ${username} failed: ${changed.body}`);
  credential.password = newPassword;
  return session;
}

/** An authenticated request: the session cookie and, for writes, the CSRF token. */
export function as(session: Session) {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}
