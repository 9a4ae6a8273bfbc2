import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { systemClock } from '#server/platform/clock.ts';
import { loadConfig } from '#server/platform/config.ts';
import { type Jobs, startJobs } from '#server/platform/jobs/jobs.ts';
import { createPublicPages } from '#server/platform/public-pages.ts';
import { createDiskStorage } from '#server/platform/storage/disk-storage.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
let dist: string;
let app: FastifyInstance;
let jobs: Jobs;

beforeAll(async () => {
  database = await createTestDatabase();
  dist = await mkdtemp(path.join(os.tmpdir(), 'tuijie-dist-'));
  await writeFile(
    path.join(dist, 'index.html'),
    '<!doctype html><html lang="zh-CN"><title>推介</title></html>',
  );
  await writeFile(path.join(dist, 'app.js'), 'console.log(1)');
  const config = { ...loadConfig({}), databaseUrl: database.url, webDistDir: dist, filesDir: dist };
  jobs = await startJobs(database.url, { pollingIntervalSeconds: 0.5 });
  app = await buildApp(
    {
      config,
      db: database.db,
      storage: createDiskStorage(dist),
      jobs,
      clock: systemClock,
      publicPages: createPublicPages(),
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
