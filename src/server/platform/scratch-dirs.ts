/**
 * Temporary folders for the work of one process (LibreOffice, ffmpeg, sharp, S3 copies), named with
 * that process's id: a process killed outright (SIGKILL, power cut) cannot remove its own, so the next
 * start removes every folder whose process is gone (issue #15 item 12). A folder of a live process, such
 * as another server or a command-line run on the same machine, is never touched.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const SCRATCH = /^tuijie-([a-z0-9]+)-(\d+)-[A-Za-z0-9]{6}$/;

/** A new folder `tuijie-<purpose>-<pid>-XXXXXX` in the system's temporary directory. */
export function scratchDir(purpose: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `tuijie-${purpose}-${process.pid}-`));
}

/** Running, not merely an unreaped zombie. */
export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch (e) {
    // EPERM: the process exists but is another user's. Without /proc (not Linux) trust the signal.
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EPERM' || (code === 'ENOENT' && !pidGone(pid));
  }
}

function pidGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes the scratch folders of processes that no longer run; returns how many. */
export async function removeStaleScratchDirs(dir = os.tmpdir()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = Number(SCRATCH.exec(name)?.[2]);
    if (!pid || pid === process.pid || processRunning(pid)) continue;
    await rm(path.join(dir, name), { recursive: true, force: true }).catch(() => {});
    removed++;
  }
  return removed;
}
