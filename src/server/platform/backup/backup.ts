import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Storage } from '../storage/storage.ts';
import { dumpDatabase } from './dump-database.ts';
import {
  BACKUP_FORMAT,
  type BackupManifest,
  BackupRefused,
  DATA_KEY_FILE,
  writeManifest,
} from './manifest.ts';
import { backUpFiles } from './stored-files.ts';

export interface BackupOptions {
  /** False only for S3 (`--manifest-only`): the files stay in the bucket, listed with their hashes. */
  copyFiles: boolean;
  /** The personal-data key to put in the backup (`--with-data-key`); null keeps it out (the default). */
  dataKey: string | null;
  now: Date;
  log: (line: string) => void;
}

/** Writes a backup into `dir` (new or empty): the database snapshot, the files it names, the manifest last. */
export async function backUp(
  url: string,
  storage: Storage,
  dir: string,
  options: BackupOptions,
): Promise<BackupManifest> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if ((await readdir(dir)).length > 0)
    throw new BackupRefused(`备份目录 ${dir} 不是空的：请指定一个新目录，以免新旧备份混在一起`);
  const { log } = options;
  log('数据库（一致性快照）：');
  const dump = await dumpDatabase(url, dir, log);
  log(`文件（${dump.fileKeys.length} 个）：`);
  const files = await backUpFiles(storage, dump.fileKeys, dir, options.copyFiles, log);
  if (options.dataKey) await writeFile(path.join(dir, DATA_KEY_FILE), options.dataKey, { mode: 0o600 });
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: options.now.toISOString(),
    migrations: dump.migrations,
    tables: dump.tables,
    sequences: dump.sequences,
    storage: { kind: storage.kind, copied: options.copyFiles, files },
    dataKey: { keyIds: dump.dataKeyIds, included: options.dataKey !== null },
  };
  // Written last: a folder without a manifest is a backup that did not finish.
  await writeManifest(dir, manifest);
  return manifest;
}

export async function readDataKeyFrom(dir: string): Promise<string | null> {
  try {
    return await readFile(path.join(dir, DATA_KEY_FILE), 'utf8');
  } catch {
    return null;
  }
}
