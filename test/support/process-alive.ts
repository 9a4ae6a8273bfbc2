import { readFileSync } from 'node:fs';

/**
 * Running, not merely unreaped: an exited orphan stays a zombie until init reaps it, which some inits (a
 * container's or a sandbox's) do late, and a signal still reaches a zombie.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
