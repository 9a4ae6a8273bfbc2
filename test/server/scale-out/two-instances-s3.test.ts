/**
 * Two instances on one database and one S3-compatible store (issue #16 item 1; s3rver, as the S3 tests
 * use): the object store is what they share, no files folder. A tus upload begun through A resumes through
 * B and is stored byte for byte (its multipart parts and offset live in the store); a package asked for
 * through A is built once and downloads through B with the SHA-256 its row records; A killed outright
 * mid-upload, the client resumes through B from what the store holds, with the same SHA-256.
 */
import { randomBytes } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage } from '#server/platform/storage/s3-storage.ts';
import type { Storage } from '#server/platform/storage/storage.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';
import { type S3rverHandle, startS3rver } from '#test/support/s3rver.ts';
import { type ServerProcess, startServerProcess } from '#test/support/server-process.ts';
import { api, type HttpSession, loginOverHttp } from '../modules/materials/killable-server.ts';
import { startTusUpload, uploadUrlOf } from '../modules/materials/tus-client.ts';
import {
  draftStar,
  expectStoredAsSent,
  offsetThrough,
  openJilinRound,
  type Round,
  sha256,
  until,
  videoBegunThrough,
} from './instances-support.ts';

let database: TestDatabase;
let s3: S3rverHandle;
let store: Storage;
let a: ServerProcess;
let b: ServerProcess;
let unit: HttpSession;
let round: Round;
const S3_ENV = [
  'S3_BUCKET',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
];

beforeAll(async () => {
  s3 = await startS3rver();
  store = createS3Storage(s3.config);
  // The processes inherit the test's environment (server-process.ts); this file's worker is its own.
  Object.assign(process.env, {
    S3_BUCKET: s3.config.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: s3.config.region,
    S3_ACCESS_KEY_ID: s3.config.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.config.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  });
  database = await createTestDatabase();
  a = await startServerProcess(database.url, { role: 'all' });
  b = await startServerProcess(database.url, { role: 'all' });
  unit = await loginOverHttp(a.url, 'changchun', a.passwords.get('changchun')!);
  round = await openJilinRound(a.url, unit);
}, 400_000);

afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await database?.drop();
  await s3?.close();
  for (const name of S3_ENV) delete process.env[name];
});

/** A stored material's bytes, by its key. */
const fromStore = async (key: string) => buffer(await store.read(key));

describe('two instances on one database and one object store', () => {
  it('resumes through B a tus upload begun through A, stored byte for byte in the store', async () => {
    // Above S3's 5 MB smallest part, so the first half is parts of its own in the store.
    const half = 8 * 1024 * 1024;
    const { nominationId, data, metadata, location } = await videoBegunThrough(a.url, unit, round, {
      nominee: 800,
      bytes: 2 * half,
      sent: half,
    });
    expect(await offsetThrough(b.url, unit, location)).toBe(half);

    const resumed = startTusUpload(b.url, unit, data, metadata, { uploadUrl: `${b.url}${location}` });
    expect(await resumed.done).toBe(`${b.url}${location}`);
    await expectStoredAsSent(database.db, nominationId, data, fromStore);
  }, 180_000);

  it('builds a package asked for through A once, and sends it through B', async () => {
    const requested = await api(a.url, unit, 'POST', `/api/campaigns/${round.id}/packages`, {});
    expect(requested.status).toBe(202);
    const { id } = await requested.json();
    const built = await until(
      async () => (await api(b.url, unit, 'GET', `/api/packages/${id}`)).json(),
      (p: { state: string; error: string | null; sha256: string | null }) =>
        p.state === 'ready' || p.state === 'failed',
      300,
    );
    expect(built, built.error ?? '').toMatchObject({ state: 'ready' });
    const zip = await api(b.url, unit, 'GET', `/api/packages/${id}/download`);
    expect(zip.status).toBe(200);
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(sha256(bytes)).toBe(built.sha256);
    expect(sha256(await buffer(await store.read(`packages/${id}.zip`)))).toBe(built.sha256);
  }, 360_000);

  it('goes on through B when A is killed mid-upload: the client resumes there, byte for byte', async () => {
    const nominationId = await draftStar(a.url, unit, round, 801);
    const data = randomBytes(48 * 1024 * 1024);
    const metadata = { nominationId, setKey: 'star', slotId: 'video', filename: '学习之星宣传片.mp4' };
    let killing: Promise<void> | undefined;
    const first = startTusUpload(a.url, unit, data, metadata, {
      onProgress: (sent, total) => {
        if (!killing && sent > total * 0.3) killing = a.kill();
      },
    });
    const uploadUrl = await uploadUrlOf(first.upload);
    await expect(first.done).rejects.toThrow();
    await killing;
    const onB = uploadUrl.replace(a.url, b.url);
    const offset = (await offsetThrough(b.url, unit, new URL(onB).pathname)) ?? -1;
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThan(data.length);
    let resumedFrom = -1;
    const resumed = startTusUpload(b.url, unit, data, metadata, {
      uploadUrl: onB,
      onProgress: (sent) => {
        if (resumedFrom < 0) resumedFrom = sent;
      },
    });
    expect(await resumed.done).toBe(onB);
    expect(resumedFrom).toBeGreaterThanOrEqual(offset);
    await expectStoredAsSent(database.db, nominationId, data, fromStore);
  }, 240_000);
});
