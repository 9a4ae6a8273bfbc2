/**
 * The real server (`serve --demo`, as `npm start`) on a throwaway data folder, with the per-address
 * request limit raised (RATE_LIMIT_PER_MINUTE) so that the bench measures the app, not the limiter.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { clearLeftoverServer } from '#server/platform/db/leftover-server.ts';
import { freePort } from '#server/platform/free-port.ts';
import { sleep } from './http.ts';

const root = path.resolve(import.meta.dirname, '../..');

export type BenchServer = Awaited<ReturnType<typeof startServer>>;

export async function startServer(varDir: string) {
  const port = await freePort();
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--demo'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      TUIJIE_VAR_DIR: varDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const started = performance.now();
  while (!out.includes('推介平台已启动')) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    if (performance.now() - started > 120_000) throw new Error(`server did not start within 120 s:\n${out}`);
    await sleep(50);
  }
  await sleep(200);
  const passwords = new Map([...out.matchAll(/^ {2}(\S+) +(\S{12}) {3}/gm)].map((m) => [m[1]!, m[2]!]));
  return {
    port,
    passwords,
    pid: child.pid!,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
      // Killed rather than stopped, its embedded PostgreSQL would outlive it: stop that too.
      await clearLeftoverServer(path.join(varDir, 'pg')).catch(() => null);
    },
  };
}
