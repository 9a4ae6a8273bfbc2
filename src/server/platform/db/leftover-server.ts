import { existsSync } from 'node:fs';
import { readFile, readlink, realpath, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * A data folder's `postmaster.pid` names the server that last ran on it. After the app was killed
 * (SIGKILL, an OOM kill) that server is still running, orphaned; after a power cut the file is left behind
 * and its process id may since belong to something else. PostgreSQL then refuses to start. These functions
 * tell the cases apart (Linux /proc) and clear the way without touching the data.
 */

/** Written beside the data folder by the process that started the server, so a live owner is recognised. */
export const ownerFileOf = (dataDir: string) => `${dataDir}.owner`;

interface Proc {
  ppid: number;
  zombie: boolean;
}

async function proc(pid: number): Promise<Proc | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), zombie: fields[0] === 'Z' };
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function running(pid: number): Promise<boolean> {
  if (!signalable(pid)) return false;
  const p = await proc(pid);
  if (p) return !p.zombie;
  // Without /proc (not Linux) the signal is all there is to go by.
  return !existsSync('/proc/self');
}

/** Whether `pid` is a PostgreSQL server working in `dataDir` (the postmaster makes its data folder its cwd). */
async function servesFolder(pid: number, dataDir: string): Promise<boolean> {
  const [exe, cwd, folder] = await Promise.all([
    readlink(`/proc/${pid}/exe`).catch(() => ''),
    readlink(`/proc/${pid}/cwd`).catch(() => ''),
    realpath(dataDir),
  ]);
  return path.basename(exe).startsWith('postgres') && cwd === folder;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Makes sure no earlier server stands in the way of starting one on `dataDir`. Returns what was done, for
 * the operator, or null when there was nothing to do. A server that the process recorded as its owner is
 * still running is left alone, and starting is refused.
 */
export async function clearLeftoverServer(dataDir: string, stopWithinMs = 60_000): Promise<string | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const content = await readFile(pidFile, 'utf8').catch(() => null);
  if (content === null) return null;
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (!(pid > 0)) return null; // PostgreSQL explains a malformed lock file better than we could.

  if (!(await running(pid))) {
    await rm(pidFile, { force: true });
    return `上次内置数据库未正常关闭（进程 ${pid} 已不存在），已清除其遗留的锁文件；PostgreSQL 启动时会自动完成恢复。`;
  }
  if (!existsSync('/proc/self')) {
    throw new Error(
      `数据目录 ${dataDir} 的锁文件 postmaster.pid 记录的进程 ${pid} 仍在运行，无法确认它是否为该目录的数据库。` +
        `请检查该进程（ps -p ${pid}）；若是 PostgreSQL，请先停止它，然后重新启动平台。`,
    );
  }
  if (!(await servesFolder(pid, dataDir))) {
    await rm(pidFile, { force: true });
    return `内置数据库的锁文件记录的进程 ${pid} 现在是另一个程序（上次未正常关闭后进程号被重用），已清除该锁文件。`;
  }
  const owner = Number.parseInt(await readFile(ownerFileOf(dataDir), 'utf8').catch(() => ''), 10);
  if (owner > 0 && (await proc(pid))?.ppid === owner) {
    throw new Error(
      `内置数据库 ${dataDir} 正由另一个推介平台进程（PID ${owner}）使用。请先停止该进程（在其窗口按 Ctrl-C，或 kill ${owner}），` +
        '或用 TUIJIE_VAR_DIR 为这次启动指定另一个数据目录。',
    );
  }
  // Its owner is gone: a fast shutdown ends its sessions, writes everything committed and exits.
  process.kill(pid, 'SIGINT');
  // Waiting for a process to stop is measured in real time, whatever the app's clock says.
  const until = Date.now() + stopWithinMs;
  while (await running(pid)) {
    if (Date.now() > until) {
      throw new Error(
        `上次启动的内置数据库（进程 ${pid}）在平台退出后仍在运行，已请求它停止，但 ${stopWithinMs / 1000} 秒内未停止。` +
          `请检查该进程（ps -p ${pid}）及磁盘是否已满，待其停止后重新启动平台。`,
      );
    }
    await sleep(50);
  }
  await rm(pidFile, { force: true });
  return `上次平台未正常退出，它启动的内置数据库（进程 ${pid}）仍在运行，已将其安全停止后重新启动。`;
}
