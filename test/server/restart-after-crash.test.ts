/**
 * `npm start` after the app was killed without warning (SIGKILL, an OOM kill): the embedded PostgreSQL it
 * had started is still running, orphaned. The next start must stop that server cleanly and come up on the
 * same data, with every committed row there; and a stop by signal must take the database down with the app.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#server/platform/free-port.ts';
import { completeStar } from '../support/nominations.ts';
import { processAlive } from '../support/process-alive.ts';
import {
  api,
  type HttpSession,
  type KillableServer,
  loginOverHttp,
  printedPasswords,
  startKillableServer,
} from './modules/materials/killable-server.ts';

const alive = processAlive;

async function waitUntil(what: string, ok: () => boolean, ms = 30_000) {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function login(base: string, username: string, password: string): Promise<HttpSession> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('tuijie_session='))!
    .split(';')[0]!;
  const body = await response.json();
  return { cookie, csrfToken: body.csrfToken, accountId: body.me.id };
}

describe('restart after a crash, on the embedded PostgreSQL', () => {
  let varDir: string;
  let port: number;
  let server: KillableServer | undefined;
  const postmasterPid = async () =>
    Number((await readFile(path.join(varDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);

  beforeAll(async () => {
    varDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-crash-'));
    // As root the embedded server runs as `postgres`, which must enter this folder (mkdtemp makes it 0700).
    await chmod(varDir, 0o755);
    port = await freePort();
  });
  afterAll(async () => {
    await server?.stop();
    await rm(varDir, { recursive: true, force: true });
  });

  it('comes up after SIGKILL with every committed row, having stopped the orphaned server', {
    timeout: 180_000,
  }, async () => {
    server = await startKillableServer(null, varDir, port);
    // A first start says what it is making while it makes the demo data, before it says it is up.
    const first = server.output();
    const steps = [...first.matchAll(/正在生成演示数据（(\d)\/4）/g)].map((m) => Number(m[1]));
    expect(steps).toEqual([1, 2, 3, 4]);
    expect(first.indexOf('正在生成演示数据（4/4）')).toBeLessThan(first.indexOf('推介平台已启动'));
    const initial = printedPasswords(server.output()).get('changchun')!;
    const unit = await loginOverHttp(server.url, 'changchun', initial);
    const campaigns = (await (await api(server.url, unit, 'GET', '/api/campaigns')).json()).items;
    const campaign = campaigns.find(
      (c: { organiserName: string; status: string }) =>
        c.organiserName === '吉林省教育厅' && c.status === 'open',
    );
    const { rules } = await (await api(server.url, unit, 'GET', `/api/campaigns/${campaign.id}`)).json();
    const created = await api(server.url, unit, 'POST', '/api/nominations', {
      campaignId: campaign.id,
      category: 'star',
    });
    const { nomination } = await created.json();
    const form = completeStar(rules, 7, { story: '坚持社区夜校学习十年，带动邻里共学。' });
    const saved = await api(server.url, unit, 'PUT', `/api/nominations/${nomination.id}`, {
      form,
      version: nomination.version,
    });
    expect(saved.status).toBe(200);

    const orphan = await postmasterPid();
    await server.kill();
    // What a crash leaves behind: the database server outlives the app.
    expect(alive(orphan)).toBe(true);

    server = await startKillableServer(null, varDir, port);
    expect(alive(orphan)).toBe(false);
    expect(await postmasterPid()).not.toBe(orphan);
    expect(server.output()).toContain('已将其安全停止');
    expect(server.output()).not.toContain('正在生成演示数据');
    expect(server.output()).not.toMatch(/删除/);

    // The password changed before the crash is the one that works now, and the saved draft is there.
    const again = await login(server.url, 'changchun', `${initial}Changed9`);
    const reread = await api(server.url, again, 'GET', `/api/nominations/${nomination.id}`);
    expect(reread.status).toBe(200);
    expect((await reread.json()).nomination.form.story).toBe(form.story);
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    '%s stops the app and its database, cleanly',
    {
      timeout: 120_000,
    },
    async (signal) => {
      await server?.stop();
      server = await startKillableServer(null, varDir, port);
      const postmaster = await postmasterPid();
      expect(await server.signal(signal)).toBe(0);
      await waitUntil('the database has stopped', () => !alive(postmaster));
      // A fast shutdown removes the lock file; a server killed outright would leave it.
      await expect(readFile(path.join(varDir, 'pg', 'postmaster.pid'))).rejects.toThrow('ENOENT');
    },
  );

  it('SIGTERM while the app is still starting (making the demo data) exits cleanly and stops its database', {
    timeout: 120_000,
  }, async () => {
    const fresh = await mkdtemp(path.join(os.tmpdir(), 'tuijie-crash-'));
    await chmod(fresh, 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(await freePort()), TUIJIE_VAR_DIR: fresh };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--demo'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    child.stderr!.on('data', (c) => (out += c));
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    try {
      // The database is up as soon as its lock file is; the demo data takes seconds more.
      const lock = path.join(fresh, 'pg', 'postmaster.pid');
      await waitUntil('the database is up', () => existsSync(lock) || child.exitCode !== null, 60_000);
      const postmaster = Number((await readFile(lock, 'utf8')).split('\n')[0]);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).not.toContain('推介平台已启动');
      expect(out).not.toMatch(/Error|错误/);
      await waitUntil('the database has stopped', () => !alive(postmaster));
    } finally {
      child.kill('SIGKILL');
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
