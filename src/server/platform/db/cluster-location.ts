import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readlink, realpath, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { canEnter, makeEnterableDir, type PostgresUser, ROOT_STATE_DIR } from './postgres-user.ts';

export interface ClusterLocation {
  /** Where PostgreSQL's own files are. */
  dataDir: string;
  /**
   * Set when, as root, the cluster is kept under ROOT_STATE_DIR because `postgres` cannot enter the folder
   * asked for: a link to create there once the cluster exists, so the data is found from the clone.
   */
  linkAt: string | null;
}

/** A folder per requested path (a readable tail of it and a hash of all of it), so clones never share one. */
export function rootClusterDir(requested: string): string {
  const hash = createHash('sha256').update(requested).digest('hex').slice(0, 12);
  const tail = requested
    .split(path.sep)
    .filter(Boolean)
    .join('-')
    .replace(/[^\w.-]/g, '_')
    .slice(-60);
  return path.join(ROOT_STATE_DIR, 'clusters', `${tail}-${hash}`);
}

/**
 * Where the cluster asked for at `requested` lives. Not root, or `postgres` can enter it: right there, as
 * always. As root in a folder `postgres` cannot enter (a clone in a 0700 home): under ROOT_STATE_DIR, with
 * `requested` a link to it; a link made by an earlier start is followed wherever the clone has moved.
 * Data already at `requested` is never moved.
 */
export async function locateCluster(requested: string, user: PostgresUser | null): Promise<ClusterLocation> {
  if (!user) return { dataDir: requested, linkAt: null };
  const found = await lstat(requested).catch(() => null);
  if (found?.isSymbolicLink()) {
    const target = path.resolve(path.dirname(requested), await readlink(requested));
    if (!existsSync(target)) {
      throw new Error(
        `内置数据库的数据目录 ${requested} 指向 ${target}，但该目录不存在。全部推介数据都在其中：` +
          '请检查它是否被移动或改名、所在磁盘是否已挂载。',
      );
    }
    return { dataDir: target, linkAt: null };
  }
  await mkdir(path.dirname(requested), { recursive: true });
  const asked = path.join(await realpath(path.dirname(requested)), path.basename(requested));
  if (found && (await readdir(requested)).length > 0) {
    if (canEnter(user, requested)) return { dataDir: requested, linkAt: null };
    throw new Error(
      `以 root 身份运行时，内置 PostgreSQL 以 postgres 用户运行，但该用户无法进入数据目录 ${requested}` +
        '（某一级上级目录不允许其他用户进入）。全部推介数据都在其中，请勿删除：请让 postgres 用户可以进入各级上级目录' +
        `（如 chmod o+x），或把该目录移到 postgres 用户可以进入的位置，并在原处放一个指向它的符号链接。`,
    );
  }
  if (canEnter(user, path.dirname(asked))) return { dataDir: requested, linkAt: null };
  // An empty folder left by an interrupted first start holds nothing; the link takes its place.
  if (found) await rmdir(requested);
  const dataDir = rootClusterDir(asked);
  await makeEnterableDir(path.dirname(dataDir));
  if (!canEnter(user, path.dirname(dataDir))) {
    throw new Error(
      `以 root 身份运行时，postgres 用户既无法进入 ${path.dirname(requested)}，也无法进入 ${path.dirname(dataDir)}。` +
        '请检查这两个目录各级上级目录的权限，或用 TUIJIE_VAR_DIR 指定 postgres 用户可以进入的运行数据目录。',
    );
  }
  return { dataDir, linkAt: requested };
}
