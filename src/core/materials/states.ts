/**
 * The life of one material file: the one state enum and the one transition table (house rule 1). The
 * server's single transition function (transition-material.ts) reads this table for its guard; nothing
 * else writes a material's state. Every move is the platform's own (a check, a conversion, a job that
 * never finished): people upload, choose, waive and delete, which are not moves of the state.
 */

export const MATERIAL_STATES = {
  converting: '转换中',
  pending: '检查中',
  passed: '已通过',
  failed: '未通过',
} as const;

/** A material row's state: `converting` while ffmpeg makes a copy, `pending` until the check job ran. */
export type MaterialState = keyof typeof MATERIAL_STATES;

/**
 * How a file comes into being, and the state it starts in: an upload, a generated work summary, a
 * forwarded file and a demo file wait for the check; a converted copy starts converting.
 */
export const MATERIAL_ORIGINS = {
  uploaded: 'pending',
  generated: 'pending',
  forwarded: 'pending',
  seeded: 'pending',
  converted: 'converting',
} as const satisfies Record<string, MaterialState>;

export type MaterialOrigin = keyof typeof MATERIAL_ORIGINS;

/**
 * Files that may be created with their verdict already: a forwarded file the target round has no place
 * for (its reason is the verdict), and a demo file the seed judged with the same check as it made it.
 */
const BORN_JUDGED: ReadonlySet<MaterialOrigin> = new Set(['forwarded', 'seeded']);

/** The state a new file starts in; with a verdict, passed or failed by its error findings. */
export function initialMaterialState(
  origin: MaterialOrigin,
  verdict?: { findings: readonly { severity: string }[] },
): MaterialState {
  if (!verdict) return MATERIAL_ORIGINS[origin];
  if (!BORN_JUDGED.has(origin))
    throw new Error(`a ${origin} file starts ${MATERIAL_ORIGINS[origin]}, without a verdict`);
  return verdict.findings.some((f) => f.severity === 'error') ? 'failed' : 'passed';
}

/** The job a file in this state waits for: the check, the conversion, or none (it has its verdict). */
export function awaitedJob(state: MaterialState): 'check' | 'convert' | null {
  if (state === 'pending') return 'check';
  if (state === 'converting') return 'convert';
  return null;
}

export interface MaterialTransition {
  from: MaterialState;
  to: MaterialState;
  /** What happened, for the audit log. */
  label: string;
  /** The move carries the check's verdict: findings (and probe) are written with it. */
  verdict: boolean;
}

function t(from: MaterialState, to: MaterialState, label: string, verdict = false): MaterialTransition {
  return { from, to, label, verdict };
}

export const MATERIAL_TRANSITIONS: readonly MaterialTransition[] = [
  t('pending', 'passed', '检查通过', true),
  // Also a check that crashed on every retry: its reason is the verdict, so the file never stays 检查中.
  t('pending', 'failed', '检查未通过', true),
  // A check that runs again (its job retried after a crash) writes its verdict again; the result is the same.
  t('passed', 'passed', '重新检查通过', true),
  t('passed', 'failed', '重新检查未通过', true),
  t('failed', 'passed', '重新检查通过', true),
  t('failed', 'failed', '重新检查未通过', true),
  // The converted copy is stored and waits for the same check as an upload.
  t('converting', 'pending', '转换完成，等待检查'),
  t('converting', 'failed', '转换失败', true),
];

export function isMaterialState(value: string): value is MaterialState {
  return Object.hasOwn(MATERIAL_STATES, value);
}

export function materialStateLabel(state: MaterialState): string {
  return MATERIAL_STATES[state];
}

/** The move of the table from `from` to `to` (one row per pair). */
export function findMaterialTransition(
  from: MaterialState,
  to: MaterialState,
): MaterialTransition | undefined {
  return MATERIAL_TRANSITIONS.find((tr) => tr.from === from && tr.to === to);
}

export function materialTransitionsFrom(from: MaterialState): MaterialTransition[] {
  return MATERIAL_TRANSITIONS.filter((tr) => tr.from === from);
}

/** Why a file cannot move from one state to another, in Chinese, or undefined when the table allows it. */
export function materialTransitionProblem(
  fileName: string,
  from: MaterialState,
  to: MaterialState,
): string | undefined {
  if (findMaterialTransition(from, to)) return undefined;
  const file = `文件“${fileName}”`;
  if (from === 'converting')
    return `${file}正在转换，转换完成后还要检查，现在不能改为“${MATERIAL_STATES[to]}”。`;
  if (to === 'converting')
    return `${file}已${MATERIAL_STATES[from]}，不能再改为转换中；如要转换，请申请转换副本。`;
  if (to === 'pending')
    return `${file}已有检查结果（${MATERIAL_STATES[from]}），不能改回检查中；如要重新检查，请删除后重新上传。`;
  return `${file}当前为“${MATERIAL_STATES[from]}”，不能改为“${MATERIAL_STATES[to]}”，请刷新页面查看当前状态。`;
}
