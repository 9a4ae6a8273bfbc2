import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Upload } from '@tus/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanUpExpiredUploads } from '#server/modules/materials/workers.ts';
import { createDiskStorage } from '#server/platform/storage/disk-storage.ts';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-cleanup-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function begin(
  storage: ReturnType<typeof createDiskStorage>,
  id: string,
  daysAgo: number,
  finished: boolean,
) {
  const store = storage.tusStore();
  const creation_date = new Date(Date.now() - daysAgo * DAY).toISOString();
  await store.create(new Upload({ id, size: 10, offset: 0, creation_date }));
  await store.write(Readable.from([Buffer.alloc(finished ? 10 : 4, 1)]), id, 0);
}

describe('the nightly clean-up of unfinished uploads', () => {
  it('removes uploads left unfinished past the expiry and keeps recent ones and finished originals', async () => {
    const storage = createDiskStorage(dir, { uploadExpireMs: 14 * DAY });
    await begin(storage, 'abandoned', 20, false);
    await begin(storage, 'recent', 2, false);
    await begin(storage, 'finished', 20, true);

    expect(await cleanUpExpiredUploads({ storage })).toBe(1);
    const left = (await readdir(path.join(dir, 'uploads'))).sort();
    expect(left).toEqual(['finished', 'finished.json', 'recent', 'recent.json']);
  });

  it('keeps everything when no expiry is set', async () => {
    const storage = createDiskStorage(dir);
    await begin(storage, 'abandoned', 400, false);
    expect(await cleanUpExpiredUploads({ storage })).toBe(0);
  });
});
