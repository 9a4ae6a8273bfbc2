/**
 * The baseline of bench/uploads.bench.ts: a bare Node `http` server that streams each request body to
 * a file with `pipeline`, nothing else (no parsing, no hashing, no database). Run as its own process,
 * like the app, so both are measured the same way.
 *
 *   node bench/uploads-bare-server.ts DIR   → prints "listening PORT"
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/uploads-bare-server.ts DIR');
let n = 0;

const server = http.createServer(async (req, res) => {
  const file = path.join(dir, `upload-${process.pid}-${n++}.bin`);
  try {
    await pipeline(req, createWriteStream(file));
    res.writeHead(204).end();
  } catch (e) {
    res.writeHead(500).end(String(e));
  } finally {
    // Written to the end before the answer; removed after, so the disk does not fill over the rounds.
    await rm(file, { force: true });
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
