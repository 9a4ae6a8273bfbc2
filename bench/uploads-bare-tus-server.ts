/**
 * The middle line of bench/uploads.bench.ts: @tus/server with @tus/file-store alone, in its own process,
 * no Fastify, no session, no database, no hashing. Between the bare `http` server and the app it shows
 * what the tus library costs and what the app adds.
 *
 *   node bench/uploads-bare-tus-server.ts DIR   → prints "listening PORT"
 */
import http from 'node:http';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/uploads-bare-tus-server.ts DIR');

const tus = new Server({ path: '/files', datastore: new FileStore({ directory: dir }) });
const server = http.createServer((req, res) => void tus.handle(req, res));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
