import type { Config } from '../config.ts';
import { createDiskStorage } from './disk-storage.ts';
import { createS3Storage } from './s3-storage.ts';
import type { Storage } from './storage.ts';

/** The storage the configuration asks for: S3-compatible when `S3_BUCKET` is set, else local disk. */
export function createStorage(config: Config): Storage {
  const options = { uploadExpireMs: config.uploadExpireDays * 24 * 60 * 60 * 1000 };
  return config.s3 ? createS3Storage(config.s3, options) : createDiskStorage(config.filesDir, options);
}
