/**
 * Hashes uploads as their bytes pass into the tus store, so a finished upload's SHA-256 needs no second
 * read of the whole file (for a 300 MB film that re-read cost as much as the upload itself). The running
 * hash only continues while each PATCH starts exactly where the hashed bytes end; a resume the hash did
 * not see (after a restart, or a PATCH that failed half-way) drops it, and the upload is then hashed by
 * reading the stored file, as before.
 */
import { createHash, type Hash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import type { DataStore } from '@tus/server';

interface Running {
  hash: Hash;
  bytes: number;
}

/** Uploads hashed at once; beyond this, the oldest running hashes are forgotten (they fall back to a re-read). */
const MAX_RUNNING = 1000;

export interface HashingStore {
  store: DataStore;
  /** The SHA-256 of upload `id` if every one of its `size` bytes was hashed on the way in, else null. */
  takeDigest(id: string, size: number): { bytes: number; sha256: string } | null;
}

export function hashingTusStore(inner: DataStore): HashingStore {
  const running = new Map<string, Running>();
  // Every other method (and its `this`) stays the inner store's.
  const store: DataStore = Object.create(inner);
  store.write = async (readable: Readable, id: string, offset: number) => {
    let entry = running.get(id);
    if (offset === 0) {
      entry = { hash: createHash('sha256'), bytes: 0 };
      running.set(id, entry);
      if (running.size > MAX_RUNNING) running.delete(running.keys().next().value as string);
    }
    if (!entry || entry.bytes !== offset) {
      running.delete(id);
      return inner.write(readable, id, offset);
    }
    const hashed = entry;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hashed.hash.update(chunk);
        hashed.bytes += chunk.length;
        callback(null, chunk);
      },
    });
    readable.on('error', (e) => hashing.destroy(e));
    try {
      const written = await inner.write(readable.pipe(hashing), id, offset);
      // The store kept fewer bytes than were hashed (an aborted PATCH): the hash no longer matches the file.
      if (written !== hashed.bytes) running.delete(id);
      return written;
    } catch (e) {
      running.delete(id);
      throw e;
    }
  };
  return {
    store,
    takeDigest(id, size) {
      const entry = running.get(id);
      running.delete(id);
      if (!entry || entry.bytes !== size) return null;
      return { bytes: entry.bytes, sha256: entry.hash.digest('hex') };
    },
  };
}
