import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '#server/platform/free-port.ts';

const root = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  url: string;
  /** The demo accounts' one-time passwords, read from what the server printed at start. */
  passwords: Map<string, string>;
  output(): string;
  /** The process now running (a restart makes another). */
  pid(): number;
  /**
   * Stops the server and starts it again on the same database, files and port, with its clock starting at
   * `clock` (TUIJIE_CLOCK): how a browser test lets a month pass.
   */
  restart(options: { clock: string }): Promise<void>;
  /** SIGKILL: nothing flushed or closed in order, as a power cut or the OOM killer ends it. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the real server as `tuijie serve --demo` would, in its own process, on a database of the caller's;
 * with `clock`, its clock (and so the demo's dates) starts at that instant (TUIJIE_CLOCK).
 */
export async function startServerProcess(
  databaseUrl: string,
  options: {
    clock?: string;
    /** `tuijie serve --role`; and a files folder shared with another process on the same database. */
    role?: 'web' | 'worker' | 'all';
    filesDir?: string;
    /** The caller's own var folder (a copy of the demo's, say), left in place at stop; else a new one. */
    varDir?: string;
  } = {},
): Promise<ServerProcess> {
  const varDir = options.varDir ?? (await mkdtemp(path.join(os.tmpdir(), 'tuijie-e2e-')));
  await mkdir(varDir, { recursive: true });
  await chmod(varDir, 0o755);
  const port = await freePort();
  let out = '';
  const spawnServer = async (clock?: string) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['src/cli/main.ts', 'serve', '--demo', ...(options.role ? ['--role', options.role] : [])],
      {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          DATABASE_URL: databaseUrl,
          TUIJIE_VAR_DIR: varDir,
          ...(options.filesDir ? { TUIJIE_FILES_DIR: options.filesDir } : {}),
          LOG_LEVEL: 'warn',
          ...(clock ? { TUIJIE_CLOCK: clock } : {}),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const from = out.length;
    child.stdout!.on('data', (chunk) => (out += chunk));
    child.stderr!.on('data', (chunk) => (out += chunk));
    const started = Date.now();
    while (!out.slice(from).includes('推介平台已启动')) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`server exited with ${child.exitCode ?? child.signalCode}:\n${out.slice(from)}`);
      // A first start seeds the demo, the finished round's notice and its PDF (LibreOffice) among it.
      if (Date.now() - started > 100_000) throw new Error(`server did not start within 100 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 100));
    return child;
  };
  const end = async (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    }
  };
  let child = await spawnServer(options.clock).catch(async (error: Error) => {
    // Once in CI (as root, the machine loaded) a server stopped silently with 0 while making the demo,
    // the way it stops on a signal; the sender was not found. Say so loudly and start once more: a second
    // failure fails the test.
    console.warn(`服务进程启动时退出，重试一次：${error.message}`);
    return spawnServer(options.clock);
  });
  const passwords = new Map([...out.matchAll(/^ {2}(\S+) +(\S{12}) {3}/gm)].map((m) => [m[1]!, m[2]!]));
  return {
    url: `http://127.0.0.1:${port}`,
    passwords,
    output: () => out,
    pid: () => child.pid!,
    async restart({ clock }) {
      await end(child);
      child = await spawnServer(clock);
    },
    kill: () => end(child, 'SIGKILL'),
    async stop() {
      await end(child);
      if (!options.varDir) await rm(varDir, { recursive: true, force: true });
    },
  };
}
