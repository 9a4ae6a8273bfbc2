/**
 * A slot's status from its files, shown live on the upload page and used by the submit rule. Only
 * `chosen` files count: of an original and its converted copy, the one the unit chose to submit.
 */
import type { Finding } from '../findings.ts';
import type { MaterialState } from './states.ts';

export type { MaterialState } from './states.ts';

export type SlotStatus = 'missing' | 'pending' | 'passed' | 'failed' | 'waived';

export const SLOT_STATUS_LABELS: Record<SlotStatus, string> = {
  missing: '未上传',
  pending: '检查中',
  passed: '已通过',
  failed: '未通过',
  waived: '已豁免',
};

/** An organiser's waiver of one error finding of one file (audited). */
export interface MaterialWaiver {
  code: string;
  reason: string;
  by: string;
  at: string;
}

export interface SlotFile {
  fileName: string;
  state: MaterialState;
  chosen: boolean;
  findings: readonly Finding[];
  waivers: readonly Pick<MaterialWaiver, 'code'>[];
}

/** Error findings of a file that no waiver covers. */
export function unwaivedErrors(file: Pick<SlotFile, 'findings' | 'waivers'>): Finding[] {
  const waived = new Set(file.waivers.map((w) => w.code));
  return file.findings.filter((f) => f.severity === 'error' && !waived.has(f.code));
}

/** One file: a failed file whose every error finding an organiser waived counts as waived. */
export function fileStatus(
  file: Pick<SlotFile, 'state' | 'findings' | 'waivers'>,
): Exclude<SlotStatus, 'missing'> {
  if (file.state === 'pending' || file.state === 'converting') return 'pending';
  if (file.state === 'passed') return 'passed';
  const errors = file.findings.filter((f) => f.severity === 'error');
  return errors.length > 0 && unwaivedErrors(file).length === 0 ? 'waived' : 'failed';
}

/** The files that will be submitted. */
export function chosenFiles<T extends Pick<SlotFile, 'chosen'>>(files: readonly T[]): T[] {
  return files.filter((f) => f.chosen);
}

/** The worst status among the chosen files: failed, then pending, then waived, then passed. */
export function slotStatus(
  files: readonly Pick<SlotFile, 'state' | 'chosen' | 'findings' | 'waivers'>[],
): SlotStatus {
  const statuses = chosenFiles(files).map(fileStatus);
  if (statuses.length === 0) return 'missing';
  for (const worst of ['failed', 'pending', 'waived'] as const) {
    if (statuses.includes(worst)) return worst;
  }
  return 'passed';
}
