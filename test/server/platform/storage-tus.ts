import http from 'node:http';
import { Server } from '@tus/server';
import * as tus from 'tus-js-client';
import { freePort } from '#server/platform/free-port.ts';
import type { Storage } from '#server/platform/storage/storage.ts';

/** A bare @tus/server on loopback writing to `storage.tusStore()`: the store alone, without the app. */
export async function startTusServer(storage: Storage) {
  const server = new Server({ path: '/files', datastore: storage.tusStore() });
  const httpServer = http.createServer((req, res) => void server.handle(req, res));
  const port = await freePort();
  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${port}/files`,
    close: () =>
      new Promise<void>((resolve) => {
        httpServer.closeAllConnections();
        httpServer.close(() => resolve());
      }),
  };
}

/**
 * Uploads `data` with tus-js-client. With `stopAfter`, the client gives up (without terminating the
 * upload on the server) once the server acknowledged that many bytes (between chunks); with
 * `uploadUrl` it resumes that upload.
 */
export function tusUpload(
  endpoint: string,
  data: Buffer,
  options: {
    chunkSize?: number;
    uploadUrl?: string;
    stopAfter?: { acknowledged: number };
  } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      void upload.abort(false).then(() => resolve(upload.url ?? ''));
    };
    const upload = new tus.Upload(data, {
      endpoint,
      uploadUrl: options.uploadUrl ?? null,
      chunkSize: options.chunkSize ?? Number.POSITIVE_INFINITY,
      retryDelays: null,
      metadata: { filename: 'test.bin' },
      onChunkComplete(_size, accepted) {
        if (options.stopAfter?.acknowledged !== undefined && accepted >= options.stopAfter.acknowledged)
          stop();
      },
      onSuccess() {
        if (!stopped) resolve(upload.url ?? '');
      },
      onError(error) {
        if (!stopped) reject(error);
      },
    });
    upload.start();
  });
}

/**
 * Creates an upload of `data.length` bytes and sends only its first `sendBytes` in a PATCH that declared
 * them all, then drops the connection: what a closed laptop lid does to a request in flight.
 */
export async function cutUpload(endpoint: string, data: Buffer, sendBytes: number): Promise<string> {
  const created = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': String(data.length) },
  });
  if (created.status !== 201) throw new Error(`POST ${endpoint}: ${created.status}`);
  const url = new URL(created.headers.get('location') ?? '', endpoint).href;
  await new Promise<void>((resolve) => {
    const req = http.request(url, {
      method: 'PATCH',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': '0',
        'Content-Type': 'application/offset+octet-stream',
        'Content-Length': String(data.length),
      },
    });
    req.on('error', () => resolve()); // the drop we cause
    req.on('response', (res) => {
      res.resume();
      resolve();
    });
    req.write(data.subarray(0, sendBytes), () => setTimeout(() => req.destroy(), 200));
  });
  return url;
}

/** Asks the server for an upload's offset (tus HEAD). */
export async function tusOffset(url: string): Promise<number> {
  const response = await fetch(url, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
  if (!response.ok) throw new Error(`HEAD ${url}: ${response.status}`);
  return Number(response.headers.get('upload-offset'));
}

export const uploadIdOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
