/**
 * What the fault tests (issue #15 item 12) share: waiting on observable state, the files a crash may
 * leave behind, and a small size-limited file system to fill.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Polls `probe` until it returns something other than undefined; the timeout is generous (2 loaded cores). */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 180_000,
  everyMs = 100,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${ms / 1000} s waiting until ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Every file under `dir`, relative to it. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** The platform's temporary folders (PDF, conversion) in the system's temporary directory. */
export function platformTempDirs(): string[] {
  return readdirSync(os.tmpdir()).filter((n) => /^tuijie-(pdf|convert)-/.test(n));
}

/**
 * Mounts a tmpfs of `megabytes` at `dir`. The tests run as root (CI too); a refusal fails the test loudly,
 * since without a small file system there is no full disk to test.
 */
export async function mountTmpfs(dir: string, megabytes: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0755`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
  } catch (e) {
    throw new Error(
      `无法挂载 tmpfs 到 ${dir}（满盘测试需要 root 权限和 mount）：${(e as { stderr?: Buffer }).stderr ?? e}`,
    );
  }
}

export function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
  }
}
