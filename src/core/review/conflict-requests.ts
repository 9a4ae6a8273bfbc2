/**
 * Checks of the requests around recusal: a reporting unit's request to exclude named experts (at most
 * 3 by common practice, each with a reason) and an organiser's dismissal of a computed conflict.
 */
import { error, type Finding } from '../findings.ts';
import type { Dismissal } from './conflict-facts.ts';
import { type ConflictCheck, UNDISMISSABLE } from './conflicts.ts';

export const MAX_EXCLUSIONS = 3;

export function checkExclusionRequest(
  requests: readonly { expertId: string; reason: string }[],
  max = MAX_EXCLUSIONS,
): Finding[] {
  const findings: Finding[] = [];
  if (requests.length > max)
    findings.push(
      error(
        'EXCLUSION_TOO_MANY',
        'exclusions',
        `每项推介最多申请${max}名专家回避，现为${requests.length}名，请删减`,
      ),
    );
  const seen = new Set<string>();
  requests.forEach((request, i) => {
    if (seen.has(request.expertId))
      findings.push(
        error('EXCLUSION_DUPLICATE', `exclusions.${i}`, '同一名专家已在申请回避名单中，请勿重复填写'),
      );
    seen.add(request.expertId);
    if (request.reason.trim() === '')
      findings.push(
        error('EXCLUSION_REASON_MISSING', `exclusions.${i}.reason`, '请写明申请该专家回避的理由'),
      );
  });
  return findings;
}

/** Whether the organiser may dismiss this reason of this check. */
export function checkDismissal(check: ConflictCheck, dismissal: Dismissal): Finding[] {
  if (UNDISMISSABLE.has(dismissal.code))
    return [
      error(
        'DISMISSAL_NOT_ALLOWED',
        'code',
        dismissal.code === 'EXPERT_DECLARED' ? '专家本人申请的回避不能撤销' : '推介单位申请的回避不能撤销',
      ),
    ];
  const findings: Finding[] = [];
  if (!check.reasons.some((r) => r.code === dismissal.code))
    findings.push(
      error('DISMISSAL_NOT_APPLICABLE', 'code', '该专家与这项推介之间没有这一回避情形，无需撤销'),
    );
  if (dismissal.reason.trim() === '')
    findings.push(error('DISMISSAL_REASON_MISSING', 'reason', '请写明撤销回避的理由（将记入操作记录）'));
  return findings;
}
