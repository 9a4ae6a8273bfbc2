/**
 * Cold start: `npm start` (after install) until the first 200 from /api/health, on a fresh data folder
 * (initdb, migrations, demo seed) and again on the same folder (a restart). The baseline, measured in the
 * same run, is a bare Node process answering 200 over HTTP: what no server here can beat.
 *
 *   npm run bench -- startup
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '#server/platform/free-port.ts';

const GOAL_MS = 5000;
const root = path.resolve(import.meta.dirname, '..');

async function timeToFirst200(command: string, args: string[], env: NodeJS.ProcessEnv, url: string) {
  const started = performance.now();
  const child: ChildProcess = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    for (;;) {
      const ok = await fetch(url)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error('no 200 within 120 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }
}

const bare = `require('http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`;
const dir = await mkdtemp(path.join(root, '.tmp', 'bench-start-'));
// mkdtemp makes the folder owner-only; the embedded server (run as `postgres` under root) must enter it.
await chmod(dir, 0o755);
try {
  const port = await freePort();
  const env = { PORT: String(port), TUIJIE_VAR_DIR: dir, LOG_LEVEL: 'warn' };
  const health = `http://127.0.0.1:${port}/api/health`;
  const baseline = await timeToFirst200(process.execPath, ['-e', bare], env, `http://127.0.0.1:${port}/`);
  const first = await timeToFirst200('npm', ['start', '--silent'], env, health);
  const restart = await timeToFirst200('npm', ['start', '--silent'], env, health);
  const row = (name: string, ms: number) =>
    console.log(
      `${name.padEnd(34)}${ms.toFixed(0).padStart(7)} ms  ${(ms / baseline).toFixed(1).padStart(6)}x baseline  ${(ms / GOAL_MS).toFixed(2)}x goal`,
    );
  console.log(`startup to first 200 (goal ${GOAL_MS} ms)`);
  row('baseline: bare node http server', baseline);
  row('npm start, fresh data folder', first);
  row('npm start, restart', restart);
} finally {
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}.password`, { force: true });
}
