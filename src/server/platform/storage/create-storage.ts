import type { Config } from '../config.ts';
import { createDiskStorage } from './disk-storage.ts';
import type { Storage } from './storage.ts';

/** The storage the configuration asks for: S3-compatible when `S3_BUCKET` is set, else local disk. */
export async function createStorage(config: Config): Promise<Storage> {
  const options = { uploadExpireMs: config.uploadExpireDays * 24 * 60 * 60 * 1000 };
  if (!config.s3) return createDiskStorage(config.filesDir, options);
  // Only with S3: the AWS SDK would add ~6 MB to every process's heap on disk storage (decision 0022).
  const { createS3Storage } = await import('./s3-storage.ts');
  return createS3Storage(config.s3, options);
}
