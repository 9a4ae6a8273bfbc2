/**
 * Resumable uploads through a real tus client against a listening server: the bytes arrive whole, their
 * SHA-256 is recorded and the stored file has it, and a connection dropped mid-way resumes where HEAD
 * says the server stopped.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, loginAs, type Session } from '#test/support/app.ts';
import { tusHeaders } from '#test/support/materials.ts';
import { campaignOf, completeStar, draftWith } from '#test/support/nominations.ts';
import { createMaterialApp, type MaterialTestApp } from './material-app.ts';
import { startTusUpload, uploadUrlOf } from './tus-client.ts';

let t: MaterialTestApp;
let unit: Session;
let nominationId: string;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  t = await createMaterialApp({ listen: true });
  unit = await loginAs(t, 'changchun');
  const { campaign, rules } = await campaignOf(t, unit, '吉林省教育厅');
  nominationId = (await draftWith(t, unit, campaign.id, completeStar(rules, 1), 'star', { materials: false }))
    .id;
});
afterAll(() => t?.close());

const videoMeta = (filename: string) => ({ nominationId, setKey: 'star', slotId: 'video', filename });

async function materialRow(uploadUrl: string) {
  return t.database.db
    .selectFrom('materials')
    .selectAll()
    .where('uploadId', '=', uploadUrl.split('/').pop()!)
    .executeTakeFirstOrThrow();
}

describe('tus uploads', () => {
  it('stores a file byte for byte, records its SHA-256 and queues its check', async () => {
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const url = await startTusUpload(t.url, unit, data, videoMeta('宣传片.mp4')).done;
    const row = await materialRow(url);
    expect(row).toMatchObject({
      fileName: '宣传片.mp4',
      sha256: sha256(data),
      state: 'pending',
      setKey: 'star',
    });
    expect(Number(row.bytes)).toBe(data.length);
    expect(sha256(await readFile(path.join(t.filesDir, row.storageKey)))).toBe(sha256(data));
    const job = await t.database.db
      .selectFrom('pgboss.job' as never)
      .select(['name' as never, 'data' as never])
      .where('name' as never, '=', 'material-check' as never)
      .execute();
    expect(job).toContainEqual({ name: 'material-check', data: { materialId: row.id } });
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'after'])
      .where('entityId', '=', row.id)
      // The check's verdict (material.transitioned) may be written by now too, as the worker runs.
      .where('action', '=', 'material.uploaded')
      .execute();
    expect(audit).toEqual([
      {
        action: 'material.uploaded',
        after: expect.objectContaining({ fileName: '宣传片.mp4', sha256: sha256(data), bytes: data.length }),
      },
    ]);
    await t.app.inject({ method: 'DELETE', url: `/api/materials/${row.id}`, headers: as(unit) });
  });

  it('resumes after a dropped connection from the offset HEAD reports, and the SHA-256 matches', async () => {
    const data = randomBytes(48 * 1024 * 1024);
    let dropped = false;
    const first = startTusUpload(t.url, unit, data, videoMeta('断点续传.mp4'), {
      onProgress: (sent, total, upload) => {
        if (!dropped && sent > total / 3) {
          dropped = true;
          void upload.abort(); // the connection goes away mid-PATCH, as on a closed laptop
        }
      },
    });
    const uploadUrl = await uploadUrlOf(first.upload);
    await expect.poll(() => dropped).toBe(true);
    // The server notices the broken request and keeps what arrived; HEAD says how much.
    let offset = 0;
    await expect
      .poll(async () => {
        const head = await t.app.inject({ method: 'HEAD', url: uploadUrl, headers: tusHeaders(unit) });
        offset = Number(head.headers['upload-offset']);
        return head.statusCode === 200 && offset > 0;
      })
      .toBe(true);
    expect(offset).toBeLessThan(data.length);
    expect(
      await t.database.db
        .selectFrom('materials')
        .select('id')
        .where('fileName', '=', '断点续传.mp4')
        .execute(),
    ).toEqual([]);

    let resumedFrom = -1;
    const resumed = startTusUpload(t.url, unit, data, videoMeta('断点续传.mp4'), {
      uploadUrl,
      onProgress: (sent) => {
        if (resumedFrom < 0) resumedFrom = sent;
      },
    });
    expect(await resumed.done).toBe(uploadUrl);
    expect(resumedFrom).toBeGreaterThanOrEqual(offset);
    const row = await materialRow(uploadUrl);
    expect(row.sha256).toBe(sha256(data));
    expect(Number(row.bytes)).toBe(data.length);
    expect(sha256(await readFile(path.join(t.filesDir, row.storageKey)))).toBe(sha256(data));
  });

  it('takes chunked uploads without tripping the per-minute request limit', async () => {
    // 700 PATCH requests of 8 KiB: more than the 600 a minute every other route allows.
    const data = randomBytes(700 * 8 * 1024);
    const existing = await t.database.db
      .selectFrom('materials')
      .select('id')
      .where('slotId', '=', 'video')
      .execute();
    for (const { id } of existing) {
      expect(
        (await t.app.inject({ method: 'DELETE', url: `/api/materials/${id}`, headers: as(unit) })).statusCode,
      ).toBe(204);
    }
    const url = await startTusUpload(t.url, unit, data, videoMeta('分块.mp4'), { chunkSize: 8 * 1024 }).done;
    expect((await materialRow(url)).sha256).toBe(sha256(data));
  });
});
