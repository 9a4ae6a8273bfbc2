import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3Config } from '../config.ts';
import { scratchDir } from '../scratch-dirs.ts';
import { s3ClientConfig } from './s3-client.ts';
import { describeS3Failure, isS3NotFound, notFoundError } from './s3-errors.ts';
import { PART_SIZE, writeMultipart } from './s3-multipart-write.ts';
import { SequentialS3Store } from './s3-tus-store.ts';
import type { ByteRange, Storage, StorageOptions } from './storage.ts';

export interface S3StorageOptions extends StorageOptions {
  /** How long `check()` waits for an answer: an endpoint that accepts and never answers must not hang /api/health. */
  checkTimeoutMs?: number;
}

/** S3-compatible object storage (AWS, Alibaba OSS, Tencent COS, MinIO, Ceph; tested against s3rver). */
export function createS3Storage(config: S3Config, options: S3StorageOptions = {}): Storage {
  const checkTimeoutMs = options.checkTimeoutMs ?? 10_000;
  const client = new S3Client(s3ClientConfig(config));
  const Bucket = config.bucket;
  let tus: SequentialS3Store | undefined;

  const get = async (key: string, range?: ByteRange) => {
    try {
      const result = await client.send(
        new GetObjectCommand({
          Bucket,
          Key: key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      return result.Body as Readable;
    } catch (e) {
      throw isS3NotFound(e) ? notFoundError(key, e) : e;
    }
  };

  return {
    kind: 's3',
    async check() {
      const probe = `.health/${randomUUID()}`;
      const abortSignal = AbortSignal.timeout(checkTimeoutMs);
      try {
        await client.send(new PutObjectCommand({ Bucket, Key: probe, Body: 'ok' }), { abortSignal });
        await client.send(new DeleteObjectCommand({ Bucket, Key: probe }), { abortSignal });
        return { ok: true };
      } catch (e) {
        const timedOut = abortSignal.aborted;
        return { ok: false, message: describeS3Failure(e, config, timedOut ? checkTimeoutMs : undefined) };
      }
    },
    write(key: string, source: Readable) {
      return writeMultipart(client, Bucket, key, source);
    },
    read: get,
    async size(key: string) {
      try {
        return (await client.send(new HeadObjectCommand({ Bucket, Key: key }))).ContentLength ?? 0;
      } catch (e) {
        if (isS3NotFound(e)) return null;
        throw e;
      }
    },
    async remove(key: string) {
      // S3 answers 204 for a key that is not there, so this is idempotent as the interface asks.
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async withLocalFile(key, use) {
      const body = await get(key);
      const dir = await scratchDir('s3');
      try {
        // The key's own name keeps its extension, which some tools look at.
        const file = path.join(dir, path.basename(key) || 'object');
        await pipeline(body, createWriteStream(file));
        return await use(file);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    tusStore() {
      tus ??= new SequentialS3Store({
        partSize: PART_SIZE,
        expirationPeriodInMilliseconds: options.uploadExpireMs ?? 0,
        s3ClientConfig: { bucket: Bucket, ...s3ClientConfig(config) },
      });
      return tus;
    },
    removeExpiredUploads() {
      // S3Store lists unfinished multipart uploads only: a finished upload is an object, never touched.
      return this.tusStore().deleteExpired();
    },
    uploadKey(uploadId: string) {
      // @tus/s3-store completes the multipart upload under the tus id itself (beside `<id>.info`).
      return uploadId;
    },
    uploadIdOf(key: string) {
      // Everything else the server stores sits under a folder (converted/, previews/, packages/, …).
      return key.includes('/') ? null : key;
    },
  };
}
