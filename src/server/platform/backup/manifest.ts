import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Bumped when the layout of a backup folder changes; a restore refuses a format it does not know. */
export const BACKUP_FORMAT = 1;

export interface TableDump {
  /** Table name in the app's schema (`public`). */
  name: string;
  /** Relative to the backup folder: one JSON object per line, as `to_jsonb(row)` gave it. */
  file: string;
  rows: number;
  sha256: string;
}

export interface StoredFileEntry {
  key: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: number;
  createdAt: string;
  /** The migrations applied to the database when it was dumped: a restore rebuilds the schema from them. */
  migrations: { version: number; name: string; checksum: string }[];
  tables: TableDump[];
  /** Sequence positions at the snapshot, so new ids after a restore never collide with restored ones. */
  sequences: { name: string; lastValue: string | null }[];
  storage: {
    kind: 'disk' | 's3';
    /** True: every file is in `files/` under its key. False (S3 with --manifest-only): listed only. */
    copied: boolean;
    files: StoredFileEntry[];
  };
  dataKey: {
    /** The ids of the keys personal data in this backup is sealed with (the key itself is never listed). */
    keyIds: string[];
    /** True only with `--with-data-key`: then `data-key` in the folder holds it and the folder is secret. */
    included: boolean;
  };
}

export const MANIFEST_FILE = 'manifest.json';
export const FILES_DIR = 'files';
export const DATA_KEY_FILE = 'data-key';

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

export class BackupRefused extends Error {
  readonly forOperator = true;
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new BackupRefused(`${dir} 中没有备份清单 ${MANIFEST_FILE}：请指定 tuijie backup 生成的备份目录`);
  }
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new BackupRefused(`备份格式 ${manifest.format} 不是本程序能恢复的格式 ${BACKUP_FORMAT}`);
  return manifest;
}
