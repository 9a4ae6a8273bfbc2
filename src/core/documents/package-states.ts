/**
 * The life of a submission package (提交包): the one state enum and the one transition table (house rule
 * 1). The server's single transition function (transition-package.ts) reads it for its guard. A failure is
 * final for its row: the user asks for a new package, since building the same one again would fail again.
 * A ready package expires (package-retention.ts): its file is deleted by the sweep, the row stays as a record.
 */

export const PACKAGE_STATES = {
  queued: '排队中',
  building: '生成中',
  ready: '已生成',
  failed: '生成失败',
  expired: '已过期',
} as const;

export type PackageState = keyof typeof PACKAGE_STATES;

/** A requested package waits for its job. */
export const PACKAGE_INITIAL_STATE: PackageState = 'queued';

export interface PackageTransition {
  from: PackageState;
  to: PackageState;
  /** What happened, for the audit log. */
  label: string;
}

export const PACKAGE_TRANSITIONS: readonly PackageTransition[] = [
  { from: 'queued', to: 'building', label: '开始生成提交包' },
  // The process died while building and its job was retried: it starts over from the first file.
  { from: 'building', to: 'building', label: '重新开始生成提交包' },
  { from: 'building', to: 'ready', label: '提交包生成完成' },
  { from: 'building', to: 'failed', label: '提交包生成失败' },
  // Past its retention, or no longer among the newest of its scope: the sweep deletes its file.
  { from: 'ready', to: 'expired', label: '提交包已过期，文件删除' },
];

export function isPackageState(value: string): value is PackageState {
  return Object.hasOwn(PACKAGE_STATES, value);
}

export function findPackageTransition(from: PackageState, to: PackageState): PackageTransition | undefined {
  return PACKAGE_TRANSITIONS.find((tr) => tr.from === from && tr.to === to);
}

/** Why a package cannot move from one state to another, in Chinese, or undefined when the table allows it. */
export function packageTransitionProblem(from: PackageState, to: PackageState): string | undefined {
  if (findPackageTransition(from, to)) return undefined;
  if (from === 'expired') return '提交包已过期，文件已删除；如需下载，请重新生成一个提交包。';
  if (from === 'ready') return '提交包已经生成完成，不能再改变；如需最新材料，请重新生成一个提交包。';
  if (from === 'failed') return '提交包生成失败后不再继续，请重新生成一个提交包。';
  if (from === 'queued') return `提交包还在排队，尚未开始生成，不能改为“${PACKAGE_STATES[to]}”。`;
  return `提交包正在生成，不能改为“${PACKAGE_STATES[to]}”。`;
}
