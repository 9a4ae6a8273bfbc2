import type { Readable } from 'node:stream';
import type { DataStore } from '@tus/server';

/** What a write stored: its length and the SHA-256 of exactly those bytes (hex). */
export interface StoredObject {
  bytes: number;
  sha256: string;
}

/** Inclusive byte range, as HTTP `Range: bytes=start-end` names it. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where uploaded and generated files live: local disk by default, S3-compatible object storage when
 * configured. Keys are `/`-separated relative names chosen by the server, never by a user. Everything
 * streams: no method holds a whole file in memory.
 */
export interface StorageOptions {
  /** Unfinished uploads older than this are expired (tus `Upload-Expires`); 0 keeps them forever. */
  uploadExpireMs?: number;
}

export interface Storage {
  readonly kind: 'disk' | 's3';
  /** Writes and removes a probe object: proves the storage is reachable and writable. */
  check(): Promise<{ ok: boolean; message?: string }>;
  /** Streams `source` to `key` (replacing it), hashing on the way. */
  write(key: string, source: Readable): Promise<StoredObject>;
  /** The object's bytes, or the inclusive range of them. Rejects with code `ENOENT` when it does not exist. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** Its length in bytes, or null when it does not exist. */
  size(key: string): Promise<number | null>;
  /** Removes it; removing what is not there is not an error. */
  remove(key: string): Promise<void>;
  /**
   * Runs `use` with a path on local disk holding the object (sharp, ffprobe and ffmpeg need a path):
   * the file itself on disk storage, a temporary copy removed afterwards on S3.
   */
  withLocalFile<T>(key: string, use: (path: string) => Promise<T>): Promise<T>;
  /** The tus data store resumable uploads are written to (see `uploadKey`). */
  tusStore(): DataStore;
  /** The storage key under which the tus store keeps the finished upload `uploadId`. */
  uploadKey(uploadId: string): string;
  /** The inverse of `uploadKey`: the upload a key holds, or null for any other object. */
  uploadIdOf(key: string): string | null;
  /** Removes uploads left unfinished longer than `uploadExpireMs`; finished ones are never touched. */
  removeExpiredUploads(): Promise<number>;
}
