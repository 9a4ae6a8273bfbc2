import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { S3Config } from '#server/platform/config.ts';

/**
 * s3rver (a real HTTP server speaking the S3 REST API, objects kept on disk) on a free loopback port in
 * a temporary folder, with one bucket created.
 *
 * s3rver 3.7 lacks two calls that @tus/s3-store makes: ListParts (GET ?uploadId, how a resumed upload
 * learns its offset) and AbortMultipartUpload (DELETE ?uploadId). Both are added here, before its
 * router, on top of s3rver's own multipart folders (`<bucket>/._S3rver_uploads/<uploadId>/<n>` and
 * `<n>.md5`), so everything else goes through s3rver unchanged.
 */
export interface S3rverHandle {
  config: S3Config;
  endpoint: string;
  directory: string;
  close(): Promise<void>;
}

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  body: unknown;
  status: number;
  set(name: string, value: string): void;
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface S3rverInstance {
  middleware: Middleware[];
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

const require = createRequire(import.meta.url);
const S3rver = require('s3rver') as S3rverClass;
const S3Error = require('s3rver/lib/models/error') as new (code: string, message?: string) => Error;

export const S3RVER_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

function multipartAdditions(directory: string): Middleware {
  return async (ctx, next) => {
    const uploadId = ctx.query.uploadId;
    const [bucket, ...rest] = ctx.path.slice(1).split('/').map(decodeURIComponent);
    if (!uploadId || !bucket || rest.length === 0 || !['GET', 'DELETE'].includes(ctx.method)) return next();
    if (!/^[0-9a-f]+$/.test(uploadId))
      throw new S3Error('NoSuchUpload', 'The specified upload does not exist.');
    const uploadDir = path.join(directory, bucket, '._S3rver_uploads', uploadId);
    if (!(await stat(uploadDir).catch(() => null))) {
      throw new S3Error('NoSuchUpload', 'The specified upload does not exist.');
    }
    if (ctx.method === 'DELETE') {
      await rm(uploadDir, { recursive: true, force: true });
      ctx.status = 204;
      return;
    }
    const numbers = (await readdir(uploadDir))
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .sort((a, b) => a - b);
    const Part = await Promise.all(
      numbers.map(async (n) => {
        const info = await stat(path.join(uploadDir, String(n)));
        const md5 = await readFile(path.join(uploadDir, `${n}.md5`), 'utf8').catch(() => '');
        return { PartNumber: n, LastModified: info.mtime.toISOString(), ETag: `"${md5}"`, Size: info.size };
      }),
    );
    ctx.body = {
      ListPartsResult: {
        Bucket: bucket,
        Key: rest.join('/'),
        UploadId: uploadId,
        MaxParts: 1000,
        IsTruncated: false,
        ...(Part.length > 0 ? { Part } : {}),
      },
    };
  };
}

export type { KoaContext as S3rverRequest, Middleware as S3rverMiddleware };
export { S3Error };

/** `before` sees every request first (a test's way to make one call fail as a real store sometimes does). */
export async function startS3rver(
  bucket = 'tuijie-test',
  options: { before?: Middleware } = {},
): Promise<S3rverHandle> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'tuijie-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  // After s3rver's logging and XML encoding, before its router.
  const additions = [...(options.before ? [options.before] : []), multipartAdditions(directory)];
  server.middleware.splice(server.middleware.length - 1, 0, ...additions);
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    directory,
    config: {
      bucket,
      endpoint,
      region: 'us-east-1',
      accessKeyId: S3RVER_KEYS.accessKeyId,
      secretAccessKey: S3RVER_KEYS.secretAccessKey,
      forcePathStyle: true,
    },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
