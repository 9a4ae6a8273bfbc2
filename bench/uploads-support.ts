/** What bench/uploads.bench.ts needs around the measurement: processes, memory samples, the API. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const root = path.resolve(import.meta.dirname, '..');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Child {
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/** Spawns `node args…` in its own process group and waits until its output matches `ready`. */
export async function spawnNode(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 120_000,
): Promise<Child & { match: RegExpMatchArray }> {
  let out = '';
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const started = performance.now();
  for (;;) {
    const match = out.match(ready);
    if (match) return { ...handle(child, () => out), match };
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}:\n${out}`);
    if (performance.now() - started > timeoutMs) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`${args.join(' ')} not ready within ${timeoutMs / 1000} s:\n${out}`);
    }
    await sleep(50);
  }
}

function handle(child: ChildProcess, output: () => string): Child {
  return {
    pid: child.pid!,
    output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident memory of one process in bytes (Linux /proc), or NaN elsewhere. */
export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = status.match(/^VmRSS:\s+(\d+) kB/m);
  return kb ? Number(kb[1]) * 1024 : Number.NaN;
}

/** Samples a process's RSS every `everyMs` until `stop()`, which returns the peak. */
export function rssSampler(pid: number, everyMs = 20) {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await rssOf(pid));
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return Math.max(peak, await rssOf(pid));
    },
  };
}

/** The process's settled RSS: the median of a second of samples, after a pause. */
export async function idleRss(pid: number): Promise<number> {
  await sleep(1000);
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) {
    samples.push(await rssOf(pid));
    await sleep(50);
  }
  return samples.sort((a, b) => a - b)[10]!;
}

/** A file of `bytes` random bytes (incompressible, like a video), made once and kept in .tmp. */
export async function benchFile(dir: string, bytes: number): Promise<string> {
  const file = path.join(dir, `random-${bytes}.bin`);
  if (existsSync(file) && statSync(file).size === bytes) return file;
  const block = Buffer.alloc(1 << 20);
  await pipeline(
    Readable.from(
      (function* () {
        for (let left = bytes; left > 0; left -= block.length) {
          randomFillSync(block);
          yield Buffer.from(block.subarray(0, Math.min(block.length, left)));
        }
      })(),
    ),
    createWriteStream(file),
  );
  return file;
}

/** PUTs a file to the bare server as one streamed request body. */
export function putFile(port: number, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'PUT',
        path: '/upload',
        headers: { 'content-length': statSync(file).size },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 204 ? resolve() : reject(new Error(`bare PUT → ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    pipeline(createReadStream(file), req).catch(reject);
  });
}

// ---------------------------------------------------------------------------------------------------
// The app's JSON API, as a browser session uses it.

export interface Session {
  base: string;
  cookie: string;
  csrf: string;
}

export async function call<T>(
  who: Pick<Session, 'base'> & Partial<Session>,
  method: string,
  pathname: string,
  json?: unknown,
  expect = [200],
): Promise<T> {
  const headers: Record<string, string> = {};
  if (json !== undefined) headers['content-type'] = 'application/json';
  if (who.cookie) headers.cookie = who.cookie;
  if (who.csrf && method !== 'GET') headers['x-csrf-token'] = who.csrf;
  const r = await fetch(`${who.base}${pathname}`, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const body = await r.text();
  if (!expect.includes(r.status))
    throw new Error(`${method} ${pathname} → ${r.status}: ${body.slice(0, 500)}`);
  return (body ? JSON.parse(body) : null) as T;
}

/** Logs in with a demo account's one-time password and sets a password of its own, as first login asks. */
export async function firstLogin(base: string, username: string, initial: string): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: initial }),
  });
  const body = await r.text();
  if (r.status !== 200) throw new Error(`login ${username} → ${r.status}: ${body}`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('tuijie_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  const who = { base, cookie, csrf: (JSON.parse(body) as { csrfToken: string }).csrfToken };
  await call(
    who,
    'POST',
    '/api/auth/password',
    { currentPassword: initial, newPassword: 'Bench-upload-2024' },
    [204],
  );
  return who;
}
