/**
 * The real server (`tuijie serve --demo`) in a child process that a test can kill without warning
 * (SIGKILL: no shutdown hook runs, as in a power cut) and start again on the same port, database and
 * files folder. test/support/server-process.ts gives each start a fresh folder; a restart needs the old one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';

const root = path.resolve(import.meta.dirname, '../../../..');

export interface KillableServer {
  url: string;
  /** The server process's id (its temporary files carry it). */
  pid: number;
  output(): string;
  kill(): Promise<void>;
  /** Sends `signal` and resolves with the exit code once the process has ended. */
  signal(signal: NodeJS.Signals): Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * A test file's place for killable servers: a database and a files folder (0755: the embedded server runs
 * as `postgres` under root) made before its tests, and after them the last server started here stopped
 * and both removed. Every start uses the same two, as a restart after a crash does.
 */
export function killableServerPlace(prefix: string) {
  let database: TestDatabase | undefined;
  let varDir = '';
  let last: KillableServer | undefined;
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    varDir = await mkdtemp(path.join(os.tmpdir(), prefix));
    await chmod(varDir, 0o755);
  });
  afterAll(async () => {
    await last?.stop();
    await database?.drop();
    if (varDir) await rm(varDir, { recursive: true, force: true });
  });
  return {
    get database() {
      return database!;
    },
    get varDir() {
      return varDir;
    },
    async start(port: number, env: NodeJS.ProcessEnv = {}) {
      last = await startKillableServer(database!.url, varDir, port, env);
      return last;
    },
  };
}

/** `databaseUrl` null: the app starts its own embedded PostgreSQL under `varDir/pg`, as `npm start` does. */
export async function startKillableServer(
  databaseUrl: string | null,
  varDir: string,
  port: number,
  /** More environment for the server process (NODE_OPTIONS, say). */
  env: NodeJS.ProcessEnv = {},
): Promise<KillableServer> {
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--demo'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl ?? '',
      TUIJIE_VAR_DIR: varDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  while (!out.includes('推介平台已启动')) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const exited = () =>
    new Promise((r) =>
      child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r),
    );
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => out,
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
    async signal(signal) {
      child.kill(signal);
      await exited();
      return child.exitCode;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited();
      }
    },
  };
}

/** The demo passwords the first start printed. */
export function printedPasswords(output: string): Map<string, string> {
  return new Map([...output.matchAll(/^ {2}(\S+) +(\S{12}) {3}/gm)].map((m) => [m[1]!, m[2]!]));
}

export interface HttpSession {
  cookie: string;
  csrfToken: string;
  accountId: string;
}

/** Signs in over HTTP (an account whose first password change is made already). */
export async function signInOverHttp(base: string, username: string, password: string): Promise<HttpSession> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('tuijie_session='))!
    .split(';')[0]!;
  const body = await response.json();
  return { cookie, csrfToken: body.csrfToken as string, accountId: body.me.id as string };
}

/** Logs in over HTTP and makes the required first password change. */
export async function loginOverHttp(base: string, username: string, password: string): Promise<HttpSession> {
  const session = await signInOverHttp(base, username, password);
  const changed = await api(base, session, 'POST', '/api/auth/password', {
    currentPassword: password,
    newPassword: `${password}Changed9`,
  });
  if (changed.status !== 204) throw new Error(`password change failed: ${changed.status}`);
  return session;
}

export function api(base: string, session: HttpSession, method: string, url: string, body?: object) {
  return fetch(`${base}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/**
 * A new star draft of the demo's open 吉林省教育厅 campaign, made by `unit`: the metadata of an upload into its
 * video slot.
 */
export async function newStarDraftVideoSlot(base: string, unit: HttpSession) {
  const { items } = await (await api(base, unit, 'GET', '/api/campaigns')).json();
  const campaign = items.find(
    (c: { organiserName: string; status: string }) =>
      c.organiserName === '吉林省教育厅' && c.status === 'open',
  );
  const created = await api(base, unit, 'POST', '/api/nominations', {
    campaignId: campaign.id,
    category: 'star',
  });
  const nominationId: string = (await created.json()).nomination.id;
  return { nominationId, setKey: 'star', slotId: 'video', filename: '学习之星宣传片.mp4' };
}
