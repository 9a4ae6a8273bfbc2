/**
 * The middle line of bench/uploads.bench.ts: @tus/server alone, in its own process, no Fastify, no
 * session, no database, no hashing. Between the bare `http` server and the app it shows what the tus
 * library costs and what the app adds. With an S3 endpoint it stores through the library's own S3Store
 * into that bucket (as the app does with --s3), so the app is compared with the same store reached bare.
 *
 *   node bench/uploads-bare-tus-server.ts DIR [S3_ENDPOINT BUCKET]   → prints "listening PORT"
 */
import http from 'node:http';
import { FileStore } from '@tus/file-store';
import { S3Store } from '@tus/s3-store';
import { Server } from '@tus/server';
import { PART_SIZE } from '#server/platform/storage/s3-multipart-write.ts';

const [dir, endpoint, bucket] = process.argv.slice(2);
if (!dir) throw new Error('usage: node bench/uploads-bare-tus-server.ts DIR [S3_ENDPOINT BUCKET]');

const datastore =
  endpoint && bucket
    ? new S3Store({
        partSize: PART_SIZE,
        s3ClientConfig: {
          bucket,
          endpoint,
          region: 'us-east-1',
          forcePathStyle: true,
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        },
      })
    : new FileStore({ directory: dir });
const tus = new Server({ path: '/files', datastore });
const server = http.createServer((req, res) => void tus.handle(req, res));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
