import { spawnSync } from 'node:child_process';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the system user `postgres`.
 * That user must reach the binaries and the data folder; a clone in a 0700 home (`/root/…`, as on a fresh
 * cloud server) gives it neither. What it cannot reach is kept here instead, in a folder made for it,
 * rather than opening up the owner's home.
 */
export const ROOT_STATE_DIR = '/var/lib/tuijie';

export interface PostgresUser {
  uid: number;
  gid: number;
}

function idOf(flag: '-u' | '-g'): number | null {
  const result = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const n = Number.parseInt(result.stdout, 10);
  return result.status === 0 && Number.isInteger(n) ? n : null;
}

function lookUp(): PostgresUser | null {
  const uid = idOf('-u');
  const gid = idOf('-g');
  return uid === null || gid === null ? null : { uid, gid };
}

/** As root: the `postgres` user (created when missing, as a system user without a home). Otherwise null. */
export function postgresUser(): PostgresUser | null {
  if (process.getuid?.() !== 0) return null;
  const found = lookUp();
  if (found) return found;
  if (spawnSync('getent', ['group', 'postgres']).status !== 0) {
    spawnSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
  }
  spawnSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], {
    stdio: 'ignore',
  });
  const created = lookUp();
  if (!created) {
    throw new Error(
      '以 root 身份运行时，内置 PostgreSQL 须以系统用户 postgres 运行，但该用户不存在且无法创建（groupadd/useradd 未成功）。' +
        '请先创建 postgres 用户，或设置 DATABASE_URL 使用外部 PostgreSQL。',
    );
  }
  return created;
}

/** Runs a command as `postgres` from `/` (its own working folder may be one it cannot enter). */
function asPostgres(user: PostgresUser, command: string, args: string[]) {
  return spawnSync(command, args, { uid: user.uid, gid: user.gid, cwd: '/', stdio: 'ignore' });
}

/** Whether `postgres` can enter `dir`: asked of the system as that user, so ACLs and groups count too. */
export function canEnter(user: PostgresUser, dir: string): boolean {
  return asPostgres(user, '/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir]).status === 0;
}

export function canRun(user: PostgresUser, program: string): boolean {
  return asPostgres(user, program, ['--version']).status === 0;
}

/**
 * Creates `dir` (and its parents up to ROOT_STATE_DIR) so that everyone may pass through, whatever the
 * umask, but only root may list them (their names are paths of clones).
 */
export async function makeEnterableDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o711 });
  for (let d = dir; d.startsWith(ROOT_STATE_DIR); d = path.dirname(d)) await chmod(d, 0o711);
}
