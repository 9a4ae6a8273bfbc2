import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { processRunning } from '../scratch-dirs.ts';
import { DiskTusStore } from './disk-tus-store.ts';
import { hashingPassThrough } from './hash-stream.ts';
import type { ByteRange, Storage, StorageOptions } from './storage.ts';

const UPLOADS = 'uploads';

/**
 * Stored files hold personal data (ID cards, 推介表, packages): readable by the app's own user only, whatever
 * the process umask (issue #15 item 5).
 */
export const FILE_MODE = 0o600;
export const DIRECTORY_MODE = 0o700;

/** This machine, as a partial file's name carries it (the files folder may be shared between machines). */
const HOST = os.hostname().replace(/[^A-Za-z0-9_-]/g, '_');
const PARTIAL = /\.([A-Za-z0-9_-]+)\.(\d+)\.[0-9a-f-]{36}\.part$/;

/** `packages/x.zip` → `packages/x.zip.<host>.<pid>.<uuid>.part`: whose it is, so a restart can tell it is stale. */
function partialName(target: string): string {
  return `${target}.${HOST}.${process.pid}.${randomUUID()}.part`;
}

/**
 * Removes partial files that a process of this machine killed mid-write (SIGKILL, power cut) left in the
 * files folder; a live writer's (another process here, or any process on another machine) stays. Run at
 * start (issue #15 item 12). Returns the keys removed.
 */
export async function removeStalePartialWrites(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  for (const entry of entries) {
    const match = entry.isFile() ? PARTIAL.exec(entry.name) : null;
    if (!match || match[1] !== HOST) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || processRunning(pid)) continue;
    const file = path.join(entry.parentPath, entry.name);
    await rm(file, { force: true });
    removed.push(path.relative(root, file));
  }
  return removed;
}

export function createDiskStorage(root: string, options: StorageOptions = {}): Storage {
  const resolve = (key: string) => {
    const full = path.resolve(root, key);
    // Keys come from the server, but a bug must not be able to write outside the root.
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error(`storage key outside root: ${key}`);
    return full;
  };
  let tus: DiskTusStore | undefined;
  const expireMs = options.uploadExpireMs ?? 0;
  const tusStore = () => {
    tus ??= new DiskTusStore({
      directory: path.join(root, UPLOADS),
      expirationPeriodInMilliseconds: expireMs,
    });
    return tus;
  };
  return {
    kind: 'disk',
    async check() {
      const probe = path.join(root, '.health', randomUUID());
      try {
        await mkdir(path.dirname(probe), { recursive: true });
        await writeFile(probe, 'ok');
        await rm(probe);
        return { ok: true };
      } catch (e) {
        return { ok: false, message: `文件存储目录 ${root} 不可写：${(e as Error).message}` };
      }
    },
    async write(key: string, source: Readable) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true, mode: DIRECTORY_MODE });
      // Written beside and renamed, so a reader never sees half a file.
      const partial = partialName(target);
      const hashing = hashingPassThrough();
      try {
        await pipeline(source, hashing.stream, createWriteStream(partial, { mode: FILE_MODE }));
        // The mode given at creation is masked by the umask; this one is not.
        await chmod(partial, FILE_MODE);
        await rename(partial, target);
      } catch (e) {
        await rm(partial, { force: true });
        throw e;
      }
      return hashing.result();
    },
    async read(key: string, range?: ByteRange) {
      const file = resolve(key);
      await stat(file); // rejects with ENOENT before a stream is handed out
      return createReadStream(file, range ? { start: range.start, end: range.end } : {});
    },
    async size(key: string) {
      try {
        return (await stat(resolve(key))).size;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async remove(key: string) {
      await rm(resolve(key), { force: true });
    },
    async withLocalFile(key, use) {
      const file = resolve(key);
      await stat(file);
      return use(file);
    },
    tusStore,
    uploadKey(uploadId: string) {
      return `${UPLOADS}/${uploadId}`;
    },
    uploadIdOf(key: string) {
      const [folder, id, ...rest] = key.split('/');
      return folder === UPLOADS && id && rest.length === 0 ? id : null;
    },
    async removeExpiredUploads() {
      if (expireMs === 0) return 0;
      // Not FileStore.deleteExpired: it reads the offset from the upload's record, which stays 0, and
      // so would remove finished uploads (the kept originals) too. The file's own size is the offset.
      const names = await readdir(path.join(root, UPLOADS)).catch(() => [] as string[]);
      let removed = 0;
      for (const name of names.filter((n) => n.endsWith('.json'))) {
        const id = name.slice(0, -'.json'.length);
        const upload = await tusStore()
          .getUpload(id)
          .catch(() => null);
        if (!upload || upload.offset === upload.size || !upload.creation_date) continue;
        // Real time, not the app's clock: @tus/server stamps creation_date with the real time, and an
        // abandoned partial upload is housekeeping, not a deadline of the campaign.
        if (Date.now() - new Date(upload.creation_date).getTime() <= expireMs) continue;
        await tusStore().remove(id);
        removed++;
      }
      return removed;
    },
  };
}
