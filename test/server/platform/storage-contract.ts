import { randomBytes } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '#server/platform/storage/storage.ts';
import { bufferOf, bytePattern, sha256Of } from './storage-pattern.ts';
import { cutUpload, startTusServer, tusOffset, tusUpload, uploadIdOf } from './storage-tus.ts';

const MB = 1_000_000;
const MiB = 1024 * 1024;

export interface StorageUnderTest {
  storage: Storage;
  /** Configurations that must fail `check()`, each with a fragment its Chinese message must contain. */
  broken: { name: string; storage: Storage; message: string }[];
  close(): Promise<void>;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** What every storage must do, run against each implementation with its own setup. */
export function storageContract(name: string, setup: () => Promise<StorageUnderTest>) {
  describe(`${name} storage`, () => {
    let subject: StorageUnderTest;
    let storage: Storage;
    const pattern = bytePattern();
    const big = 20 * MB; // more than two 8 MiB parts, and not a multiple of one
    let bigSha: string;

    beforeAll(async () => {
      subject = await setup();
      storage = subject.storage;
      bigSha = pattern.sha256(big);
    });
    afterAll(() => subject?.close());

    it('streams a 20 MB file in and out byte for byte, with its SHA-256', async () => {
      const stored = await storage.write('materials/n1/video.mp4', pattern.stream(big));
      expect(stored).toEqual({ bytes: big, sha256: bigSha });
      expect(await storage.size('materials/n1/video.mp4')).toBe(big);
      expect(await sha256Of(await storage.read('materials/n1/video.mp4'))).toEqual({
        bytes: big,
        sha256: bigSha,
      });
    });

    it('reads inclusive byte ranges, also across part boundaries and at the end', async () => {
      const key = 'materials/n1/video.mp4';
      // No `bytes=0-0`: s3rver 3.7 takes an end of 0 for "to the end" (AWS and MinIO do not).
      for (const [start, end] of [
        [0, 1],
        [7, 7],
        [5, 99],
        [8 * MiB - 3, 8 * MiB + 3],
        [16 * MiB - 1, 16 * MiB],
        [big - 10, big - 1],
        [1 * MB, 13 * MB],
      ] as const) {
        const got = await bufferOf(await storage.read(key, { start, end }));
        expect(got.length, `${start}-${end}`).toBe(end - start + 1);
        expect(got.equals(pattern.slice(start, end + 1)), `${start}-${end}`).toBe(true);
      }
    });

    it('stores small, empty and Chinese-named objects, and a write replaces what was there', async () => {
      const text = Buffer.from('推介表：百姓学习之星');
      expect((await storage.write('packages/清单 1.csv', Readable.from([text]))).bytes).toBe(text.length);
      expect((await bufferOf(await storage.read('packages/清单 1.csv'))).toString()).toBe(text.toString());

      const empty = await storage.write('materials/empty.bin', Readable.from([]));
      expect(empty).toEqual({
        bytes: 0,
        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      });
      expect(await storage.size('materials/empty.bin')).toBe(0);

      const again = randomBytes(1000);
      await storage.write('packages/清单 1.csv', Readable.from([again]));
      expect((await bufferOf(await storage.read('packages/清单 1.csv'))).equals(again)).toBe(true);
    });

    it('a write whose source fails rejects and leaves the previous object as it was', async () => {
      const key = 'materials/n2/photo.jpg';
      const before = randomBytes(4096);
      await storage.write(key, Readable.from([before]));
      const failing = Readable.from(
        (function* () {
          yield* [pattern.slice(0, 9 * MiB), pattern.slice(9 * MiB, 10 * MiB)]; // past the first part
          throw new Error('连接中断');
        })(),
      );
      await expect(storage.write(key, failing)).rejects.toThrow('连接中断');
      expect((await bufferOf(await storage.read(key))).equals(before)).toBe(true);

      const fresh = 'materials/n2/never.jpg';
      const failingFresh = Readable.from(
        (function* () {
          yield randomBytes(100);
          throw new Error('连接中断');
        })(),
      );
      await expect(storage.write(fresh, failingFresh)).rejects.toThrow('连接中断');
      expect(await storage.size(fresh)).toBeNull();
    });

    it('a missing object has no size, cannot be read, and removing it twice is fine', async () => {
      expect(await storage.size('materials/none.jpg')).toBeNull();
      await expect(storage.read('materials/none.jpg')).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(storage.read('materials/none.jpg', { start: 0, end: 9 })).rejects.toMatchObject({
        code: 'ENOENT',
      });
      await expect(storage.withLocalFile('materials/none.jpg', async () => 1)).rejects.toMatchObject({
        code: 'ENOENT',
      });

      await storage.write('materials/gone.jpg', Readable.from([Buffer.from('x')]));
      await storage.remove('materials/gone.jpg');
      await storage.remove('materials/gone.jpg');
      await storage.remove('materials/never-was.jpg');
      expect(await storage.size('materials/gone.jpg')).toBeNull();
    });

    it('withLocalFile gives a readable path with the bytes and cleans its copy up, also on failure', async () => {
      const key = 'materials/n3/证件照.jpg';
      const bytes = randomBytes(300_000);
      await storage.write(key, Readable.from([bytes]));
      let seen = '';
      const result = await storage.withLocalFile(key, async (file) => {
        seen = file;
        expect((await readFile(file)).equals(bytes)).toBe(true);
        return 42;
      });
      expect(result).toBe(42);
      expect(seen.endsWith('.jpg')).toBe(true);
      // Disk hands out the stored file itself; S3 a temporary copy that must be gone.
      expect(await exists(seen)).toBe(storage.kind === 'disk');

      await expect(
        storage.withLocalFile(key, async (file) => {
          seen = file;
          throw new Error('ffprobe 失败');
        }),
      ).rejects.toThrow('ffprobe 失败');
      expect(await exists(seen)).toBe(storage.kind === 'disk');
      expect(await storage.size(key)).toBe(bytes.length);
    });

    it('check() passes, and a broken configuration fails with a Chinese message saying what to fix', async () => {
      expect(await storage.check()).toEqual({ ok: true });
      for (const broken of subject.broken) {
        const result = await broken.storage.check();
        expect(result.ok, broken.name).toBe(false);
        expect(result.message, broken.name).toContain(broken.message);
      }
    });

    describe('tus uploads through tusStore()', () => {
      let tusServer: Awaited<ReturnType<typeof startTusServer>>;
      const data = pattern.slice(0, big);
      beforeAll(async () => {
        tusServer = await startTusServer(storage);
      });
      afterAll(() => tusServer?.close());

      const expectLanded = async (url: string) => {
        const key = storage.uploadKey(uploadIdOf(url));
        // Shared bytes are released by key: the key must say which upload's record goes with it.
        expect(storage.uploadIdOf(key)).toBe(uploadIdOf(url));
        for (const other of ['previews/a.jpg', 'converted/a.mp4', 'packages/a.zip']) {
          expect(storage.uploadIdOf(other)).toBeNull();
        }
        expect(await storage.size(key)).toBe(big);
        expect(await sha256Of(await storage.read(key))).toEqual({ bytes: big, sha256: bigSha });
      };

      it('an upload in one request lands at uploadKey(id), byte for byte', async () => {
        await expectLanded(await tusUpload(tusServer.endpoint, data));
      });

      it('an upload stopped between chunks resumes where it stopped', async () => {
        const chunkSize = 6 * MiB;
        const url = await tusUpload(tusServer.endpoint, data, {
          chunkSize,
          stopAfter: { acknowledged: chunkSize },
        });
        expect(await tusOffset(url)).toBe(chunkSize);
        expect(await tusUpload(tusServer.endpoint, data, { chunkSize, uploadUrl: url })).toBe(url);
        await expectLanded(url);
      });

      it('an upload cut off in the middle of a request resumes from what the server kept', async () => {
        const url = await cutUpload(tusServer.endpoint, data, 11 * MB);
        // Disk keeps every byte that arrived; S3 the whole 8 MiB parts (a shorter tail is not kept).
        const kept = await tusOffset(url);
        expect(kept).toBeGreaterThan(0);
        expect(kept).toBeLessThanOrEqual(11 * MB);
        await tusUpload(tusServer.endpoint, data, { uploadUrl: url });
        await expectLanded(url);
      });
    });
  });
}
