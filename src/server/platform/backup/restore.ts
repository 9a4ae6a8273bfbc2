import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Storage } from '../storage/storage.ts';
import { assertDatabaseEmpty, loadDatabase } from './load-database.ts';
import { type BackupManifest, BackupRefused, readManifest } from './manifest.ts';
import { checkFilesInPlace, restoreFiles } from './stored-files.ts';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Restores a backup onto an empty database: every dump checked against the manifest before anything is
 * written, the rows loaded in one transaction, then every file copied back and checked against its hash.
 */
export async function restore(
  url: string,
  storage: Storage,
  dir: string,
  log: (line: string) => void,
): Promise<{ manifest: BackupManifest; migrationsApplied: string[] }> {
  const manifest = await readManifest(dir);
  await assertDatabaseEmpty(url);
  for (const table of manifest.tables)
    if ((await sha256Of(path.join(dir, table.file)).catch(() => null)) !== table.sha256)
      throw new BackupRefused(`备份中的表 ${table.name} 缺失或已损坏（与清单的 SHA-256 不符），恢复已取消`);
  log('数据库：');
  const migrationsApplied = await loadDatabase(url, dir, manifest, log);
  if (manifest.storage.copied) {
    log(`文件（${manifest.storage.files.length} 个）：`);
    await restoreFiles(storage, manifest.storage.files, dir, log);
  } else {
    log('文件未随备份复制，核对文件存储中是否仍在：');
    await checkFilesInPlace(storage, manifest.storage.files);
  }
  return { manifest, migrationsApplied };
}
