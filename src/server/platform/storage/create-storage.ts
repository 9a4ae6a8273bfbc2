import type { Config } from '../config.ts';
import { createDiskStorage } from './disk-storage.ts';
import type { Storage } from './storage.ts';

/** The storage the configuration asks for: S3-compatible when `S3_BUCKET` is set, else local disk. */
export function createStorage(config: Config): Storage {
  if (config.s3) throw new Error('S3 存储尚未实现');
  return createDiskStorage(config.filesDir);
}
