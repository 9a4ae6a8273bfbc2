/**
 * Issue #15 item 12: the files folder fills up (here a small tmpfs mounted as the real server's files
 * folder, filled with a ballast file). An upload then stops with a clear Chinese refusal (507
 * STORAGE_FULL), is not taken as a material, and continues where it stopped once space is freed; a
 * package build fails with a Chinese reason, serves no partial ZIP, and a new request after freeing
 * space succeeds.
 */
import { randomBytes } from 'node:crypto';
import { statfsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { DetailedError } from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#server/platform/free-port.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';
import {
  api,
  type HttpSession,
  type KillableServer,
  loginOverHttp,
  printedPasswords,
  startKillableServer,
} from '../modules/materials/killable-server.ts';
import { startTusUpload, uploadUrlOf } from '../modules/materials/tus-client.ts';
import { filesUnder, mountTmpfs, sha256, unmount, waitFor } from './fault-support.ts';

const MEBIBYTE = 1024 * 1024;

describe('a full files folder', () => {
  let database: TestDatabase;
  let varDir: string;
  let filesDir: string;
  let mounted = false;
  let server: KillableServer | undefined;
  let unit: HttpSession;
  let campaignId: string;
  const ballast = () => path.join(filesDir, 'ballast');

  /** Fills the files folder until only `leave` bytes are free. */
  async function fillLeaving(leave: number) {
    await rm(ballast(), { force: true });
    const { bavail, bsize } = statfsSync(filesDir);
    await writeFile(ballast(), Buffer.alloc(Math.max(0, bavail * bsize - leave)));
  }
  const freeSpace = () => rm(ballast(), { force: true });

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    varDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-full-'));
    await chmod(varDir, 0o755);
    filesDir = path.join(varDir, 'files');
    await mountTmpfs(filesDir, 512);
    mounted = true;
    server = await startKillableServer(database.url, varDir, await freePort());
    // The demo's showcase films get their web copies by a background job after start: the disk is filled
    // only once that writing is over, or it would take the space the test leaves.
    await waitFor(
      'the showcase copies are made',
      async () => {
        const { rows } = await sql<{ pending: number; done: number }>`
        select count(*) filter (where state in ('created', 'retry', 'active'))::int as pending,
          count(*) filter (where state = 'completed')::int as done
        from pgboss.job where name = ${QUEUES.showcaseDerivatives}`.execute(database.db);
        return rows[0]!.pending === 0 && rows[0]!.done > 0 ? true : undefined;
      },
      400_000,
    );
    unit = await loginOverHttp(server.url, 'changchun', printedPasswords(server.output()).get('changchun')!);
    const campaigns = (await (await api(server.url, unit, 'GET', '/api/campaigns')).json()).items;
    campaignId = campaigns.find(
      (c: { organiserName: string; status: string }) =>
        c.organiserName === '吉林省教育厅' && c.status === 'open',
    ).id;
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    if (mounted) unmount(filesDir);
    await rm(varDir, { recursive: true, force: true });
  });

  it('stops an upload with 507 STORAGE_FULL in Chinese, keeps no material, and resumes once space is freed', {
    timeout: 300_000,
  }, async () => {
    const created = await api(server!.url, unit, 'POST', '/api/nominations', {
      campaignId,
      category: 'star',
    });
    const nominationId = (await created.json()).nomination.id;
    const data = randomBytes(12 * MEBIBYTE);
    const metadata = { nominationId, setKey: 'star', slotId: 'video', filename: '学习之星宣传片.mp4' };

    await fillLeaving(3 * MEBIBYTE);
    const first = startTusUpload(server!.url, unit, data, metadata, { chunkSize: MEBIBYTE });
    const uploadUrl = await uploadUrlOf(first.upload);
    const refused = (await first.done.then(
      () => {
        throw new Error('the upload went through on a full disk');
      },
      (e: DetailedError) => e,
    )) as DetailedError;
    expect(refused.originalResponse?.getStatus()).toBe(507);
    const answer = JSON.parse(refused.originalResponse!.getBody());
    expect(answer.code).toBe('STORAGE_FULL');
    expect(answer.message).toContain('存储空间已满');
    expect(answer.message).toContain('联系平台管理员');
    expect(server!.output()).not.toContain('tus upload failed');

    // The partial upload is no material.
    const rows = await database.db
      .selectFrom('materials')
      .select('id')
      .where('nominationId', '=', nominationId)
      .execute();
    expect(rows).toEqual([]);
    const listed = await (await api(server!.url, unit, 'GET', `/api/nominations/${nominationId}`)).json();
    expect(JSON.stringify(listed)).not.toContain('学习之星宣传片');

    // What was stored before the disk filled up is kept: the upload continues from there.
    const head = await fetch(uploadUrl, {
      method: 'HEAD',
      headers: { cookie: unit.cookie, 'tus-resumable': '1.0.0' },
    });
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(data.length);

    await freeSpace();
    let resumedFrom = -1;
    const resumed = startTusUpload(server!.url, unit, data, metadata, {
      uploadUrl,
      chunkSize: MEBIBYTE,
      onProgress: (sent) => {
        if (resumedFrom < 0) resumedFrom = sent;
      },
    });
    expect(await resumed.done).toBe(uploadUrl);
    expect(resumedFrom).toBeGreaterThanOrEqual(offset);
    const row = await database.db
      .selectFrom('materials')
      .select(['sha256', 'storageKey'])
      .where('nominationId', '=', nominationId)
      .executeTakeFirstOrThrow();
    expect(row.sha256).toBe(sha256(data));
    expect(sha256(await readFile(path.join(filesDir, row.storageKey)))).toBe(sha256(data));
  });

  it('fails a package build in Chinese without serving a partial ZIP, and builds it once space is freed', {
    timeout: 300_000,
  }, async () => {
    const request = async () => {
      const response = await api(server!.url, unit, 'POST', `/api/campaigns/${campaignId}/packages`, {});
      expect(response.status).toBe(202);
      return (await response.json()).id as string;
    };
    const settled = (id: string) =>
      waitFor('the package is settled', async () => {
        const p = await (await api(server!.url, unit, 'GET', `/api/packages/${id}`)).json();
        return p.state === 'ready' || p.state === 'failed' ? p : undefined;
      });

    await fillLeaving(64 * 1024);
    const failedId = await request();
    const failed = await settled(failedId);
    expect(failed.state).toBe('failed');
    expect(failed.error).toContain('存储空间已满');
    expect(failed.error).toContain('联系平台管理员');
    const refused = await api(server!.url, unit, 'GET', `/api/packages/${failedId}/download`);
    expect(refused.status).toBe(409);
    expect((await refused.json()).message).toContain('存储空间已满');
    // Neither the ZIP nor a partial of it is left taking space.
    expect(filesUnder(path.join(filesDir, 'packages'))).toEqual([]);

    await freeSpace();
    const retriedId = await request();
    const ready = await settled(retriedId);
    expect(ready.state).toBe('ready');
    const download = await api(server!.url, unit, 'GET', `/api/packages/${retriedId}/download`);
    expect(download.status).toBe(200);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(ready.sha256);
  });
});
