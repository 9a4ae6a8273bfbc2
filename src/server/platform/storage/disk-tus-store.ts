/**
 * @tus/file-store's store, except that a write failing because the disk is full keeps its cause:
 * FileStore turns every write error into a bare 500 「Something went wrong」, so the user would read
 * 「内部出错」 where the truth is that the platform's storage is full (issue #15 item 12). The bytes
 * written before the failure stay in the upload's file, whose size is the offset a resume starts from.
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { ERRORS } from '@tus/server';
import { isStorageFull } from './storage-full.ts';

export class DiskTusStore extends FileStore {
  readonly #directory: string;

  constructor(options: { directory: string; expirationPeriodInMilliseconds: number }) {
    super(options);
    this.#directory = options.directory;
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    // Ids are the server's own (tus-uploads.ts checks their shape), never a path.
    const file = path.join(this.#directory, path.basename(id));
    const out = createWriteStream(file, { flags: 'r+', start: offset });
    try {
      await pipeline(readable, out);
    } catch (e) {
      if (isStorageFull(e)) throw e;
      throw ERRORS.FILE_WRITE_ERROR;
    }
    return offset + out.bytesWritten;
  }
}
