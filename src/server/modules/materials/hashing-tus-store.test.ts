import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Upload } from '@tus/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashingTusStore } from './hashing-tus-store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-hashing-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function created(size: number) {
  const { store, takeDigest } = hashingTusStore(new FileStore({ directory: dir }));
  const upload = new Upload({ id: 'u1', size, offset: 0 });
  await store.create(upload);
  return { store, takeDigest };
}

describe('hashing uploads on the way into the tus store', () => {
  const data = randomBytes(300_000);

  it('gives the SHA-256 of an upload written in one go, and of one resumed where it stopped', async () => {
    const { store, takeDigest } = await created(data.length);
    await store.write(Readable.from([data.subarray(0, 100_000)]), 'u1', 0);
    await store.write(Readable.from([data.subarray(100_000)]), 'u1', 100_000);
    expect(takeDigest('u1', data.length)).toEqual({ bytes: data.length, sha256: sha256(data) });
  });

  it('gives nothing when a part arrived that the hash did not see (a resume after a restart)', async () => {
    const { store, takeDigest } = await created(data.length);
    await store.write(Readable.from([data.subarray(0, 100_000)]), 'u1', 0);
    // Written around the wrapper, as a previous server process would have.
    await Object.getPrototypeOf(store).write(Readable.from([data.subarray(100_000, 200_000)]), 'u1', 100_000);
    await store.write(Readable.from([data.subarray(200_000)]), 'u1', 200_000);
    expect(takeDigest('u1', data.length)).toBeNull();
  });

  it('gives nothing for an upload that is not complete, and only once', async () => {
    const { store, takeDigest } = await created(data.length);
    await store.write(Readable.from([data]), 'u1', 0);
    expect(takeDigest('u1', data.length + 1)).toBeNull();
    expect(takeDigest('u1', data.length)).toBeNull();
  });
});
