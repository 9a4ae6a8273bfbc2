/**
 * PostgreSQL restarted under two running instances (issue #16, faults): while it is away, both stay up
 * and tell the user in plain Chinese that data cannot be read for now (503 DB_UNAVAILABLE); once it is
 * back, both serve again without a restart of their own. The session made before works on each; a tus
 * upload begun through A before the restart resumes through B after it, which needs each process's
 * upload-lock connection opened again (upload-locker.ts); and the finished file's check job is worked.
 * A PostgreSQL server of this test's own, really stopped and started again on its port.
 */
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db, withDatabase } from '#server/platform/db/database.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '#server/platform/db/embedded-postgres.ts';
import { runOnServer } from '#test/support/pg-admin.ts';
import { type ServerProcess, startServerProcess } from '#test/support/server-process.ts';
import { api, type HttpSession, loginOverHttp } from '../modules/materials/killable-server.ts';
import { startTusUpload } from '../modules/materials/tus-client.ts';
import {
  expectStoredAsSent,
  offsetThrough,
  openJilinRound,
  tusHeaders,
  until,
  videoBegunThrough,
} from './instances-support.ts';

let varDir: string;
let filesDir: string;
let postgres: EmbeddedDatabase;
let url: string;
let db: Db;
let a: ServerProcess;
let b: ServerProcess;
let unit: HttpSession;

beforeAll(async () => {
  varDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-pg-restart-'));
  // The embedded server runs as `postgres` under root: it must enter the folder.
  await chmod(varDir, 0o755);
  filesDir = path.join(varDir, 'files');
  postgres = await startEmbeddedPostgres(path.join(varDir, 'pg'));
  await runOnServer(postgres.serverUrl, 'CREATE DATABASE tuijie');
  url = withDatabase(postgres.serverUrl, 'tuijie');
  a = await startServerProcess(url, { role: 'all', filesDir });
  b = await startServerProcess(url, { role: 'all', filesDir });
  db = createDb(url, 2);
  unit = await loginOverHttp(a.url, 'changchun', a.passwords.get('changchun')!);
}, 400_000);

afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await db?.destroy();
  await postgres?.stop();
  if (varDir) await rm(varDir, { recursive: true, force: true });
});

/** What `server` answers the unit's campaign list: its status and error code, if any. */
async function campaignsThrough(server: ServerProcess) {
  const response = await api(server.url, unit, 'GET', '/api/campaigns');
  const body = await response.json();
  return { status: response.status, code: body.code as string | undefined, message: body.message };
}

describe('PostgreSQL restarted under two instances', () => {
  it('keeps both up and saying so while it is away, then both serve and resume an upload', async () => {
    const round = await openJilinRound(a.url, unit);
    const half = 12 * 1024 * 1024;
    const { nominationId, data, metadata, location } = await videoBegunThrough(a.url, unit, round, {
      nominee: 1,
      bytes: 2 * half,
      sent: half,
    });
    // B's upload-lock connection is open too before PostgreSQL goes away.
    expect(await offsetThrough(b.url, unit, location)).toBe(half);

    await postgres.stop();
    for (const server of [a, b]) {
      const away = await campaignsThrough(server);
      expect(away.status).toBe(503);
      expect(away.code).toBe('DB_UNAVAILABLE');
      expect(away.message).toMatch(/[\u4e00-\u9fff]/);
      // The process itself is up: a supervisor must not restart it for the database's outage.
      expect((await fetch(`${server.url}/api/health/live`)).status).toBe(200);
    }
    // The upload's client is told to wait too (tus clients retry a 503), not that the upload is gone.
    const head = await fetch(`${b.url}${location}`, { method: 'HEAD', headers: tusHeaders(unit) });
    expect(head.status).toBe(503);

    postgres = await startEmbeddedPostgres(path.join(varDir, 'pg'), () => {}, Number(new URL(url).port));
    for (const server of [a, b]) {
      const back = await until(
        () => campaignsThrough(server),
        (r) => r.status === 200,
        120,
      );
      expect(back.status).toBe(200);
    }

    // A knows where the upload stands (its lock connection opened again), and B finishes it.
    expect(await offsetThrough(a.url, unit, location)).toBe(half);
    const resumed = startTusUpload(b.url, unit, data, metadata, { uploadUrl: `${b.url}${location}` });
    expect(await resumed.done).toBe(`${b.url}${location}`);
    await expectStoredAsSent(db, nominationId, data, (key) => readFile(path.join(filesDir, key)));

    // The queue is back too: the file's check is worked (random bytes are no film: it fails, with reasons).
    const checked = await until(
      () =>
        db
          .selectFrom('materials')
          .select(['state', 'findings'])
          .where('nominationId', '=', nominationId)
          .executeTakeFirstOrThrow(),
      (m) => m.state !== 'pending',
      120,
    );
    expect(checked.state).toBe('failed');
  }, 400_000);
});
