import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { Upload } from '@tus/utils';
import { describe, expect, it } from 'vitest';
import { freePort } from '#server/platform/free-port.ts';
import { createS3Storage } from '#server/platform/storage/s3-storage.ts';
import { isStorageFull } from '#server/platform/storage/storage-full.ts';
import { S3Error, startS3rver } from '#test/support/s3rver.ts';
import { storageContract } from './storage-contract.ts';

storageContract('S3 (s3rver)', async () => {
  const s3 = await startS3rver();
  const closedPort = await freePort();
  // Something that accepts connections and never answers (a wrong port on a busy host, a dead proxy).
  const silent = net.createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentPort = (silent.address() as net.AddressInfo).port;
  return {
    storage: createS3Storage(s3.config),
    broken: [
      {
        name: 'missing bucket',
        storage: createS3Storage({ ...s3.config, bucket: 'no-such-bucket' }),
        message: '不存在存储桶「no-such-bucket」',
      },
      {
        name: 'wrong keys',
        storage: createS3Storage({ ...s3.config, accessKeyId: 'WRONG', secretAccessKey: 'WRONG' }),
        message: '请检查 S3_ACCESS_KEY_ID 和 S3_SECRET_ACCESS_KEY',
      },
      {
        name: 'nothing listening',
        storage: createS3Storage({ ...s3.config, endpoint: `http://127.0.0.1:${closedPort}` }),
        message: '无法连接对象存储',
      },
      {
        name: 'endpoint that never answers',
        storage: createS3Storage(
          { ...s3.config, endpoint: `http://127.0.0.1:${silentPort}` },
          { checkTimeoutMs: 500 },
        ),
        message: '秒内没有响应',
      },
    ],
    async close() {
      silent.close();
      await s3.close();
    },
  };
});

describe('S3 multipart writes', () => {
  it('a failed write aborts its multipart upload, so no parts are left behind', async () => {
    const s3 = await startS3rver();
    try {
      const storage = createS3Storage(s3.config);
      const failing = Readable.from(
        (function* () {
          yield randomBytes(9 * 1024 * 1024); // one full part sent
          yield randomBytes(1024);
          throw new Error('连接中断');
        })(),
      );
      await expect(storage.write('materials/x.mp4', failing)).rejects.toThrow('连接中断');
      const uploads = path.join(s3.directory, s3.config.bucket, '._S3rver_uploads');
      expect(await readdir(uploads).catch(() => [])).toEqual([]);
      expect(await storage.size('materials/x.mp4')).toBeNull();
    } finally {
      await s3.close();
    }
  });
});

describe('tus uploads on S3', () => {
  it('a part that fails while later parts succeed leaves no gap: the upload resumes from what is whole', async () => {
    // A process killed mid-upload is what this stands for: part 2 never arrives, while with parts sent
    // side by side part 3 would, and the offset (the sum of the parts listed) would skip part 2's bytes.
    let refused = false;
    const s3 = await startS3rver('tuijie-test', {
      async before(ctx, next) {
        if (!refused && ctx.method === 'PUT' && ctx.query.uploadId && ctx.query.partNumber === '2') {
          refused = true;
          await new Promise((resolve) => setTimeout(resolve, 1500));
          throw new S3Error('InvalidArgument', '测试：第 2 段未送达');
        }
        return next();
      },
    });
    try {
      const store = createS3Storage(s3.config).tusStore();
      const data = randomBytes(4 * 8 * 1024 * 1024);
      const id = 'resume-after-a-lost-part';
      await store.create(new Upload({ id, size: data.length, offset: 0, metadata: {} }));
      await expect(store.write(Readable.from([data]), id, 0)).rejects.toThrow();
      expect(refused).toBe(true);

      const { offset } = await store.getUpload(id);
      expect(offset).toBeLessThan(data.length);
      await store.write(Readable.from([data.subarray(offset)]), id, offset);
      const stored = await buffer((await createS3Storage(s3.config).read(id)) as Readable);
      const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      expect(hash(stored)).toBe(hash(data));
    } finally {
      await s3.close();
    }
  }, 120_000);
});

describe('a full object store', () => {
  it('is told apart from other faults, for a write and for an upload, so users read that storage is full', async () => {
    const s3 = await startS3rver('tuijie-test', {
      async before(ctx, next) {
        if (ctx.method === 'PUT' || ctx.method === 'POST')
          throw new S3Error(
            'XMinioStorageFull',
            'Storage backend has reached its minimum free drive threshold.',
          );
        return next();
      },
    });
    try {
      const storage = createS3Storage(s3.config);
      const write = await storage
        .write('materials/x.mp4', Readable.from([randomBytes(1024)]))
        .catch((e) => e);
      expect(isStorageFull(write)).toBe(true);
      const upload = await storage
        .tusStore()
        .create(new Upload({ id: 'full', size: 10, offset: 0, metadata: {} }))
        .catch((e) => e);
      expect(isStorageFull(upload)).toBe(true);
      expect(isStorageFull(new Error('其他错误'))).toBe(false);
    } finally {
      await s3.close();
    }
  });
});
