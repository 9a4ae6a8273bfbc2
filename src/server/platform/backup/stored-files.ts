import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { hashingPassThrough } from '../storage/hash-stream.ts';
import type { Storage } from '../storage/storage.ts';
import { BackupRefused, FILES_DIR, type StoredFileEntry } from './manifest.ts';

const inFolder = (dir: string, key: string) => {
  const file = path.resolve(dir, FILES_DIR, key);
  // Keys come from the database; one that climbs out of the folder is not ours to write.
  if (!file.startsWith(path.resolve(dir, FILES_DIR) + path.sep))
    throw new BackupRefused(`文件名异常：${key}`);
  return file;
};

/**
 * Reads every file through the storage, hashing it, and (with `copy`) writes it under `dir/files/<key>`.
 * A file the rows name but the storage lacks stops the backup: a backup that cannot be restored whole is
 * worse than none.
 */
export async function backUpFiles(
  storage: Storage,
  keys: readonly string[],
  dir: string,
  copy: boolean,
  log: (line: string) => void,
): Promise<StoredFileEntry[]> {
  const entries: StoredFileEntry[] = [];
  for (const [i, key] of keys.entries()) {
    let source: NodeJS.ReadableStream;
    try {
      source = await storage.read(key);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new BackupRefused(
          `数据库记录的文件 ${key} 在文件存储中不存在，备份未完成：请检查文件存储后重试`,
        );
      throw e;
    }
    const hashing = hashingPassThrough();
    if (copy) {
      const target = inFolder(dir, key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await pipeline(source, hashing.stream, createWriteStream(target, { mode: 0o600 }));
    } else {
      await pipeline(source, hashing.stream, async (chunks) => {
        for await (const _ of chunks);
      });
    }
    entries.push({ key, ...hashing.result() });
    if ((i + 1) % 100 === 0 || i + 1 === keys.length) log(`  文件 ${i + 1}/${keys.length}`);
  }
  return entries;
}

/** Writes every copied file back into the storage and checks each against the size and hash listed. */
export async function restoreFiles(
  storage: Storage,
  entries: readonly StoredFileEntry[],
  dir: string,
  log: (line: string) => void,
): Promise<void> {
  for (const [i, entry] of entries.entries()) {
    const stored = await storage.write(entry.key, createReadStream(inFolder(dir, entry.key)));
    if (stored.sha256 !== entry.sha256 || stored.bytes !== entry.bytes)
      throw new BackupRefused(
        `文件 ${entry.key} 与备份清单不符（SHA-256 ${stored.sha256}，清单为 ${entry.sha256}）：备份已损坏`,
      );
    if ((i + 1) % 100 === 0 || i + 1 === entries.length) log(`  文件 ${i + 1}/${entries.length}（校验通过）`);
  }
}

/** Checks that files left in S3 (backup made with --manifest-only) are still there, unchanged in size. */
export async function checkFilesInPlace(
  storage: Storage,
  entries: readonly StoredFileEntry[],
): Promise<void> {
  for (const entry of entries) {
    const size = await storage.size(entry.key);
    if (size !== entry.bytes)
      throw new BackupRefused(
        `备份未复制的文件 ${entry.key} 在文件存储中${size === null ? '已不存在' : '大小已改变'}`,
      );
  }
}
