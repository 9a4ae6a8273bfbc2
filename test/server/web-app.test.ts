import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { systemClock } from '#server/platform/clock.ts';
import { loadConfig } from '#server/platform/config.ts';
import { type Jobs, startJobs } from '#server/platform/jobs/jobs.ts';
import { createPublicPages } from '#server/platform/public-pages.ts';
import { createDiskStorage } from '#server/platform/storage/disk-storage.ts';
import { createUploadLocker } from '#server/platform/storage/upload-locker.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
let dist: string;
let app: FastifyInstance;
let jobs: Jobs;
const RATE_LIMIT = 8;
const loginPage = `<!doctype html><html lang="zh-CN"><title>登录 · 推介</title>${'<p>用户名</p>'.repeat(200)}</html>`;
const chunk = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: '第${i}行' }`).join(',')}];`;

beforeAll(async () => {
  database = await createTestDatabase();
  dist = await mkdtemp(path.join(os.tmpdir(), 'tuijie-dist-'));
  await writeFile(
    path.join(dist, 'index.html'),
    '<!doctype html><html lang="zh-CN"><title>推介</title></html>',
  );
  // The login page, a page of its own (decision 0020), with the compressed copies a build writes for it.
  await writeFile(path.join(dist, 'login.html'), loginPage);
  await writeFile(path.join(dist, 'login.html.br'), brotliCompressSync(loginPage));
  await writeFile(path.join(dist, 'login.html.gz'), gzipSync(loginPage));
  await writeFile(path.join(dist, 'app.js'), 'console.log(1)');
  // What a build leaves: hashed chunks under assets/ with their compressed copies (web/precompress.ts).
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'assets', 'page-Bx7Kq2Zd.js'), chunk);
  await writeFile(path.join(dist, 'assets', 'page-Bx7Kq2Zd.js.br'), brotliCompressSync(chunk));
  await writeFile(path.join(dist, 'assets', 'page-Bx7Kq2Zd.js.gz'), gzipSync(chunk));
  await writeFile(path.join(dist, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
  const config = {
    ...loadConfig({}),
    databaseUrl: database.url,
    webDistDir: dist,
    filesDir: dist,
    rateLimitPerMinute: RATE_LIMIT,
  };
  jobs = await startJobs(database.url, { pollingIntervalSeconds: 0.5 });
  app = await buildApp(
    {
      config,
      db: database.db,
      storage: createDiskStorage(dist),
      jobs,
      clock: systemClock,
      publicPages: createPublicPages(),
      uploadLocker: createUploadLocker(database.url),
    },
    { logger: false },
  );
});
afterAll(async () => {
  await app.close();
  await jobs.stop();
  await database.drop();
  await rm(dist, { recursive: true, force: true });
});

describe('serving the browser app', () => {
  it('answers every page path with the index page, which the app routes itself', async () => {
    const response = await app.inject({ method: 'GET', url: '/organisations?tab=1' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<title>推介</title>');
  });

  it('answers /login with the login page of its own, the query left to the page', async () => {
    for (const url of ['/login', '/login?next=%2Forganisations']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toBe(loginPage);
    }
    // Any other page path stays the app's.
    expect((await app.inject({ method: 'GET', url: '/login/x' })).body).toContain('<title>推介</title>');
  });

  it('serves files as they are, and a missing file as a 404, never as the index page', async () => {
    expect((await app.inject({ method: 'GET', url: '/app.js' })).body).toBe('console.log(1)');
    const missing = await app.inject({ method: 'GET', url: '/assets/index-old.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
  });

  it('keeps unknown API paths JSON', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toContain('/api/nowhere');
  });
});

describe('delivery of the web app', () => {
  const asset = '/assets/page-Bx7Kq2Zd.js';

  it('sends a hashed file brotli- or gzip-compressed as the browser accepts, cached for a year', async () => {
    const br = await app.inject({
      method: 'GET',
      url: asset,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(chunk);

    const gz = await app.inject({ method: 'GET', url: asset, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(chunk);

    const plain = await app.inject({ method: 'GET', url: asset });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(chunk);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has the index page revalidated on every visit, under its own name and as a page path', async () => {
    for (const url of ['/', '/index.html', '/login', '/login.html']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    expect((await app.inject({ method: 'GET', url: '/favicon.ico' })).headers['cache-control']).toBe(
      'no-cache',
    );
  });

  it('sends the login page compressed, revalidated, with the security headers of the app', async () => {
    const br = await app.inject({
      method: 'GET',
      url: '/login?next=%2F',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(loginPage);
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(br.headers.vary).toContain('accept-encoding');
    const gz = await app.inject({ method: 'GET', url: '/login', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(loginPage);
    // Its script is a file of its own: the policy allows no inline script, only inline styles.
    const csp = String(br.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(br.headers['x-content-type-options']).toBe('nosniff');
    expect(br.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('never serves the compressed copies under their own names', async () => {
    expect((await app.inject({ method: 'GET', url: `${asset}.br` })).statusCode).toBe(404);
  });

  it('answers the icon request every browser makes with the icon, not an error', async () => {
    const icon = await app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toMatch(/icon/);
  });

  it('compresses a large API answer on the fly, and leaves a small one as it is', async () => {
    const large = await app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(large.statusCode).toBe(200);
    expect(large.headers['content-encoding']).toBe('br');
    expect(large.headers.vary).toContain('accept-encoding');
    const json = brotliDecompressSync(large.rawPayload).toString();
    expect(JSON.parse(json).info.title).toBe('推介平台 API');
    expect(large.rawPayload.length).toBeLessThan(json.length / 4);

    const gz = await app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString()).info.title).toBe('推介平台 API');

    const small = await app.inject({
      method: 'GET',
      url: '/api/nowhere',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json().code).toBe('NOT_FOUND');
  });

  it('does not count the web app files against the API rate limit of an address', async () => {
    const remote = '203.0.113.7';
    const files = await Promise.all(
      Array.from({ length: RATE_LIMIT * 3 }, (_, i) =>
        app.inject({
          method: 'GET',
          url: [asset, '/favicon.ico', '/index.html'][i % 3]!,
          remoteAddress: remote,
        }),
      ),
    );
    expect(files.map((r) => r.statusCode)).toEqual(files.map(() => 200));
    // The API itself is still limited for that address.
    const api = [];
    for (let i = 0; i <= RATE_LIMIT; i++)
      api.push(
        (await app.inject({ method: 'GET', url: '/api/openapi.json', remoteAddress: remote })).statusCode,
      );
    expect(api.slice(0, RATE_LIMIT)).toEqual(api.slice(0, RATE_LIMIT).map(() => 200));
    expect(api[RATE_LIMIT]).toBe(429);
  });
});
