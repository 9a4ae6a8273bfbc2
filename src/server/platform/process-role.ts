/**
 * What one process does (issue #16 item 2): `web` answers HTTP and queues jobs without working them;
 * `worker` works the jobs (conversions, packages, PDFs, the scheduled sweeps) and answers only health and
 * metrics; `all`, the default, does both in one process.
 */
export type ProcessRole = 'web' | 'worker' | 'all';

export const PROCESS_ROLES: readonly ProcessRole[] = ['web', 'worker', 'all'];

export function parseProcessRole(value: string | undefined): ProcessRole | { error: string } {
  if (value === undefined || value === '') return 'all';
  if ((PROCESS_ROLES as readonly string[]).includes(value)) return value as ProcessRole;
  return {
    error: `进程角色「${value}」无效：应为 web（网页与接口）、worker（后台任务）或 all（两者，默认）`,
  };
}

export const servesWeb = (role: ProcessRole) => role !== 'worker';
export const worksJobs = (role: ProcessRole) => role !== 'web';
