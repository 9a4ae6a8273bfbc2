/**
 * Stopping `tuijie serve` (issue 17, item 4). Ctrl-C in a terminal, or a service manager stopping the
 * whole group, signals the app and its embedded PostgreSQL at once: the app must still end cleanly (exit 0,
 * no error stack), with requests already under way answered rather than cut.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#server/platform/free-port.ts';
import { processAlive } from '#test/support/process-alive.ts';

const root = path.resolve(import.meta.dirname, '../..');

interface Served {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

let varDir: string;
let port: number;
let served: Served | undefined;

/** `tuijie serve --demo` on the embedded PostgreSQL, as `npm start` runs it, in a process group of its own. */
async function serve(): Promise<Served> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    TUIJIE_VAR_DIR: varDir,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--demo'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const started = Date.now();
  while (!out.includes('推介平台已启动')) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    if (Date.now() - started > 150_000) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  served = { child, output: () => out, exited };
  return served;
}

const postmasterPid = async () =>
  Number((await readFile(path.join(varDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);

async function waitUntil(what: string, ok: () => boolean, ms = 30_000) {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What a stop must not print: an error, a stack, a forced exit. */
const TROUBLE = /Error|错误|出错|强制退出|^\s+at /m;

beforeAll(async () => {
  varDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-stop-'));
  // As root the embedded server runs as `postgres`, which must enter this folder (mkdtemp makes it 0700).
  await chmod(varDir, 0o755);
  port = await freePort();
});
afterAll(async () => {
  if (served && served.child.exitCode === null) {
    served.child.kill('SIGKILL');
    await served.exited;
  }
  await rm(varDir, { recursive: true, force: true });
  await rm(`${varDir}.password`, { force: true });
});

describe('stopping the platform', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s to the app and its database together, while requests come in, ends cleanly with exit code 0',
    { timeout: 240_000 },
    async (signal) => {
      const server = await serve();
      const postmaster = await postmasterPid();
      // Requests under way as the signal arrives: each needs the database, which is going away too.
      const requests = Array.from({ length: 6 }, () =>
        fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // A user name of its own per case: failed sign-ins are remembered per (name, address) across restarts.
          body: JSON.stringify({ username: `nobody-${signal}`, password: 'wrong-password' }),
        }).then(
          (r) => r.status,
          () => 0,
        ),
      );
      await new Promise((r) => setTimeout(r, 30));
      const from = server.output().length;
      process.kill(-server.child.pid!, signal);
      process.kill(postmaster, signal);
      expect(await server.exited).toBe(0);
      await Promise.all(requests);
      expect(server.output().slice(from)).not.toMatch(TROUBLE);
      await waitUntil('the database has stopped', () => !processAlive(postmaster));
    },
  );

  it('answers a request under way when the app alone is stopped, then stops its database', {
    timeout: 240_000,
  }, async () => {
    const server = await serve();
    const postmaster = await postmasterPid();
    // A login whose body is still arriving when the signal comes (a slow line): a request under way. The
    // client keeps its connection open after the answer, as browsers do.
    const body = new TextEncoder().encode(
      JSON.stringify({ username: 'nobody-slow', password: 'wrong-password' }),
    );
    let more: (() => void) | undefined;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(body.slice(0, 10));
        more = () => {
          controller.enqueue(body.slice(10));
          controller.close();
        };
      },
    });
    const answer = fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await new Promise((r) => setTimeout(r, 300));
    const from = server.output().length;
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    more!();

    const response = await answer;
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('LOGIN_FAILED');
    const answeredAt = Date.now();
    expect(await server.exited).toBe(0);
    // The kept-open connection is closed once idle, not waited on for the full grace period.
    expect(Date.now() - answeredAt).toBeLessThan(8000);
    expect(server.output().slice(from)).not.toMatch(TROUBLE);
    await waitUntil('the database has stopped', () => !processAlive(postmaster));
  });
});
