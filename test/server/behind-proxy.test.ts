import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import { findNginx, type NginxProcess, startPrintedNginx } from '#test/support/nginx.ts';

const available = Boolean(findNginx()) || process.env.CI === 'true';
const CLIENT = '127.0.0.2';

let behind: TestApp;
let direct: TestApp;
let nginx: NginxProcess | undefined;
let dir: string;
let front: string;

/** A failed sign-in sent from CLIENT, claiming `claimed` as its address. */
function failedLogin(base: string, username: string, claimed?: string): Promise<number> {
  const body = JSON.stringify({ username, password: 'wrong-password-1' });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}/api/auth/login`,
      {
        method: 'POST',
        localAddress: CLIENT,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(claimed ? { 'x-forwarded-for': claimed } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function recordedAddresses(t: TestApp, username: string): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('loginFailures')
    .select('ip')
    .where('username', '=', username)
    .execute();
  return rows.map((r) => r.ip);
}

beforeAll(async () => {
  if (!available) return;
  behind = await createTestApp({ listen: true, config: { trustProxy: true } });
  direct = await createTestApp({ listen: true });
  dir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-proxy-'));
  ({ nginx, front } = await startPrintedNginx(path.join(dir, 'nginx'), {
    upstreams: [new URL(behind.url).host],
    siteDir: path.join(dir, 'public-site'),
    probePath: '/api/health',
  }));
}, 180_000);

afterAll(async () => {
  await nginx?.stop();
  await behind?.close();
  await direct?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!available)('the user’s address behind nginx', () => {
  it('is the one the platform records with TRUST_PROXY, not nginx’s', async () => {
    expect(await failedLogin(front, 'via-nginx')).toBe(401);
    expect(await recordedAddresses(behind, 'via-nginx')).toEqual([CLIENT]);
  });

  it('cannot be claimed by a client: nginx sets the header from the connection', async () => {
    expect(await failedLogin(front, 'claims-via-nginx', '203.0.113.9')).toBe(401);
    expect(await recordedAddresses(behind, 'claims-via-nginx')).toEqual([CLIENT]);
  });

  it('is the connection’s without TRUST_PROXY, whatever a client claims', async () => {
    expect(await failedLogin(direct.url, 'claims-direct', '203.0.113.9')).toBe(401);
    expect(await recordedAddresses(direct, 'claims-direct')).toEqual([CLIENT]);
  });
});
