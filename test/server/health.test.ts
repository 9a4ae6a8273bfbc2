/**
 * Liveness and readiness (issue #16 item 5): `/api/health/live` answers while the process runs;
 * `/api/health/ready` only while the database answers, its migrations are this program's, and no stop has
 * begun. `/api/health` keeps answering as before.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markStopping } from '#server/platform/stopping.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';

let t: TestApp;
const get = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitPerMinute: 2 } });
});
afterAll(() => t?.close());

describe('health', () => {
  it('is live and ready on a working platform, without a login and outside the rate limit', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await get('/api/health/live')).json()).toEqual({ status: 'live' });
      const ready = await get('/api/health/ready');
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({
        status: 'ready',
        database: { ok: true },
        migrations: { ok: true },
        storage: { ok: true },
        stopping: false,
      });
      expect((await get('/api/health')).json()).toMatchObject({ status: 'ok' });
    }
  });

  it('is not ready while the database lacks a migration of this program, yet still live', async () => {
    const { rows } = await sql<{ version: number; name: string; checksum: string }>`
      SELECT version, name, checksum FROM schema_migrations ORDER BY version DESC LIMIT 1`.execute(
      t.database.db,
    );
    const last = rows[0]!;
    await sql`DELETE FROM schema_migrations WHERE version = ${last.version}`.execute(t.database.db);
    try {
      const ready = await get('/api/health/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({
        status: 'not-ready',
        migrations: { ok: false, message: expect.stringContaining('tuijie migrate') },
      });
      expect((await get('/api/health/live')).statusCode).toBe(200);
    } finally {
      await sql`INSERT INTO schema_migrations (version, name, checksum)
        VALUES (${last.version}, ${last.name}, ${last.checksum})`.execute(t.database.db);
    }
    expect((await get('/api/health/ready')).statusCode).toBe(200);
  });

  it('is not ready once a stop has begun, so a balancer drains it; still live', async () => {
    markStopping();
    const ready = await get('/api/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'not-ready', stopping: true, database: { ok: true } });
    expect((await get('/api/health/live')).statusCode).toBe(200);
  });
});
