/**
 * Temporary folders for the work of one process (LibreOffice, ffmpeg, sharp, S3 copies), named with
 * that process's id: a process killed outright (SIGKILL, power cut) cannot remove its own, so the next
 * start removes every folder whose process is gone (issue #15 item 12). A folder of a live process, such
 * as another server or a command-line run on the same machine, is never touched.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
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

/**
 * Processes still working in `folder`, by their command line (Linux /proc; none elsewhere): a killed
 * server's LibreOffice runs in a process group of its own and goes on converting into its folder.
 */
async function processesWorkingIn(folder: string): Promise<number[]> {
  const ids: number[] = [];
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const command = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (command.includes(folder)) ids.push(Number(entry));
  }
  return ids;
}

/**
 * Removes the scratch folders of processes that no longer run, first ending what still works in them (an
 * orphaned LibreOffice would write into the folder again after it is gone); returns how many.
 */
export async function removeStaleScratchDirs(dir = os.tmpdir()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = Number(SCRATCH.exec(name)?.[2]);
    if (!pid || pid === process.pid || processRunning(pid)) continue;
    const folder = path.join(dir, name);
    for (const orphan of await processesWorkingIn(folder)) {
      try {
        process.kill(orphan, 'SIGKILL');
      } catch {}
      for (let i = 0; i < 50 && processRunning(orphan); i++) await new Promise((r) => setTimeout(r, 20));
    }
    await rm(folder, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    removed++;
  }
  return removed;
}
