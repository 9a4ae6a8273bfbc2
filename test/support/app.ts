import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '#server/app.ts';
import { type Clock, systemClock } from '#server/platform/clock.ts';
import { type Config, loadConfig } from '#server/platform/config.ts';
import type { AppContext } from '#server/platform/context.ts';
import { startJobs } from '#server/platform/jobs/jobs.ts';
import type { ProcessRole } from '#server/platform/process-role.ts';
import { createPublicPages } from '#server/platform/public-pages.ts';
import { createDiskStorage } from '#server/platform/storage/disk-storage.ts';
import { createUploadLocker } from '#server/platform/storage/upload-locker.ts';
import { seedDemoDecision } from '#server/seed/demo-decision.ts';
import { seedDemoMaterials } from '#server/seed/demo-materials.ts';
import { type DemoCredential, seedDemo } from '#server/seed/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  credentials: Map<string, DemoCredential>;
  /** What the app was built from: its storage (on disk in `filesDir`) and jobs, for tests beside HTTP. */
  context: AppContext;
  filesDir: string;
  /** Base URL when started with `listen` (tus clients and child processes need a real socket), else ''. */
  url: string;
  close(): Promise<void>;
}

/**
 * The real app, with its job workers, on a fresh database seeded with the demo organisations, accounts and
 * campaigns; with `demoNominations` also the demo's nominations and their material (by default a test
 * starts from empty campaigns).
 */
export async function createTestApp(
  options: {
    demoNominations?: boolean;
    listen?: boolean;
    clock?: Clock;
    config?: Partial<Config>;
    /** `web`: the app's job workers do not run (a test works the jobs itself). */
    role?: ProcessRole;
    /** How long a tus request waits for an upload another request holds (the service's 30 s by default). */
    uploadLockTimeoutMs?: number;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const filesDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-files-'));
  const config = {
    ...loadConfig({}),
    databaseUrl: database.url,
    filesDir,
    // Never the developer's own var/ (its demo-accounts.json): the test's own folder.
    varDir: filesDir,
    webDistDir: path.join(filesDir, 'no-web'),
    ...options.config,
  };
  const clock = options.clock ?? systemClock;
  const credentials = new Map(
    (await seedDemo(database.db, { nominations: options.demoNominations ?? false, now: clock.now() })).map(
      (c) => [c.username, c],
    ),
  );
  const storage = createDiskStorage(filesDir);
  const jobs = await startJobs(database.url, { pollingIntervalSeconds: 0.5 });
  const context: AppContext = {
    config,
    db: database.db,
    storage,
    jobs,
    clock,
    publicPages: createPublicPages(),
    uploadLocker: createUploadLocker(
      database.url,
      options.uploadLockTimeoutMs === undefined ? {} : { timeoutMs: options.uploadLockTimeoutMs },
    ),
  };
  if (options.demoNominations) {
    await seedDemoDecision(context, clock.now());
    await seedDemoMaterials(database.db, storage);
  }
  const app = await buildApp(context, {
    logger: process.env.TEST_LOG ? { level: 'error' } : false,
    ...(options.role ? { role: options.role } : {}),
  });
  await app.ready();
  const url = options.listen ? await app.listen({ host: '127.0.0.1', port: 0 }) : '';
  return {
    app,
    database,
    credentials,
    context,
    filesDir,
    url,
    async close() {
      await app.close();
      await jobs.stop();
      await context.uploadLocker.close();
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

/**
 * Logs a demo account in again with the password `loginAs` gave it: after the clock was moved past the
 * session's idle time (a month to the deadline), as a user coming back would.
 */
export async function relogin(t: TestApp, username: string): Promise<Session> {
  const credential = t.credentials.get(username);
  if (!credential) throw new Error(`no demo account ${username}`);
  return login(t.app, username, credential.password);
}

/** An authenticated request: the session cookie and, for writes, the CSRF token. */
export function as(session: Session) {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
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
