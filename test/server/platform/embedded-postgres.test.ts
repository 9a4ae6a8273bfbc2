/**
 * The embedded PostgreSQL across the ways a process ends: a lock file left by a server that is gone, or
 * whose process id now belongs to another program; a second start while the first owner still runs; an
 * uncaught exception in the process that started it. Real servers on a real data folder throughout.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '#server/platform/db/embedded-postgres.ts';
import { postgresUser } from '#server/platform/db/postgres-user.ts';
import { processAlive } from '#test/support/process-alive.ts';

const root = path.resolve(import.meta.dirname, '../../..');

async function query(serverUrl: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const alive = processAlive;

async function waitUntil(what: string, ok: () => boolean, ms = 30_000) {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('embedded PostgreSQL after its last run ended badly', () => {
  let varDir: string;
  let dataDir: string;
  let server: EmbeddedDatabase | undefined;
  const lockFile = () => path.join(dataDir, 'postmaster.pid');
  const postmasterPid = async () => Number((await readFile(lockFile(), 'utf8')).split('\n')[0]);

  beforeAll(async () => {
    varDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-embedded-'));
    // As root the server runs as `postgres`, which must enter this folder (mkdtemp makes it 0700).
    await chmod(varDir, 0o755);
    dataDir = path.join(varDir, 'pg');
    server = await startEmbeddedPostgres(dataDir);
    await query(server.serverUrl, 'CREATE TABLE kept (note text)');
    await query(server.serverUrl, "INSERT INTO kept VALUES ('提交过的一行')");
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await rm(varDir, { recursive: true, force: true });
  });

  it('starts over a lock file whose server is gone (a power cut), with the data there', async () => {
    const lock = await readFile(lockFile(), 'utf8');
    await server!.stop();
    const gone = spawnSync('true').pid!;
    await writeFile(lockFile(), lock.replace(/^\d+/, String(gone)));

    server = await startEmbeddedPostgres(dataDir);
    expect(server.notes.join('')).toContain(`进程 ${gone} 已不存在`);
    expect(await query(server.serverUrl, 'SELECT note FROM kept')).toEqual([{ note: '提交过的一行' }]);
  });

  it('starts over a lock file whose process id now belongs to another program, and leaves that program alone', async () => {
    const lock = await readFile(lockFile(), 'utf8');
    await server!.stop();
    // After a restart of the machine the old id may be anyone's; PostgreSQL refuses to start when it is
    // a process of its own user, believing another server runs on the folder.
    const user = postgresUser();
    const stranger = spawn('sleep', ['120'], { ...(user ?? {}), stdio: 'ignore' });
    try {
      await writeFile(lockFile(), lock.replace(/^\d+/, String(stranger.pid)));
      server = await startEmbeddedPostgres(dataDir);
      expect(server.notes.join('')).toContain(`进程 ${stranger.pid} 现在是另一个程序`);
      expect(await query(server.serverUrl, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
      expect(alive(stranger.pid!)).toBe(true);
    } finally {
      stranger.kill();
    }
  });

  it('refuses to start a second server on a folder whose owner still runs, and the first keeps serving', async () => {
    const before = await postmasterPid();
    const second = startEmbeddedPostgres(dataDir);
    await expect(second).rejects.toThrow(`正由另一个推介平台进程（PID ${process.pid}）使用`);
    await expect(second).rejects.not.toThrow(/删除/);
    expect(await postmasterPid()).toBe(before);
    expect(await query(server!.serverUrl, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
  });

  it('is stopped when the process that started it dies of an uncaught exception', async () => {
    await server!.stop();
    server = undefined;
    // The child names its server's process before it throws: by the time the test reads the lock file the
    // server may already be gone, and the exit may already have happened.
    const script = `
      const { readFileSync } = await import('node:fs');
      const { startEmbeddedPostgres } = await import('./src/server/platform/db/embedded-postgres.ts');
      await startEmbeddedPostgres(process.env.DATA_DIR);
      const pid = readFileSync(process.env.DATA_DIR + '/postmaster.pid', 'utf8').split('\\n')[0];
      console.log('started ' + pid + ';');
      setTimeout(() => { throw new Error('未处理的异常'); }, 10);`;
    const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // 'close', not 'exit': the output is complete only once the pipes have closed.
    const exited = new Promise<number | null>((r) => child.on('close', r));
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    child.stderr!.on('data', (c) => (out += c));
    const code = await exited;
    const pid = Number(/started (\d+);/.exec(out)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(out).toContain('未处理的异常');
    expect(code).toBe(1);
    await waitUntil('the server of the crashed process has stopped', () => !alive(pid));
    // A fast shutdown, not a crash: the lock file went with it.
    await expect(readFile(lockFile())).rejects.toThrow('ENOENT');
  });
});
