/**
 * Manual changes on top of an assignment: the organiser adds an expert to a nomination, removes one, or
 * replaces one by another. Each proposed change is checked before it is applied: errors (a conflict, a
 * full expert, a submitted review) refuse it; warnings (fewer or more reviews than planned, a load
 * below the minimum, two reviewers of one province) ask the organiser to look.
 */
import { error, type Finding, warning } from '../findings.ts';
import { provinceCode } from '../nomination/province-code.ts';
import {
  type AssignmentExpert,
  type AssignmentNomination,
  DEFAULT_REVIEWS_PER_NOMINATION,
  type ReviewPair,
} from './assignment-input.ts';

export type ManualChange =
  | { kind: 'add'; nominationId: string; expertId: string }
  | { kind: 'remove'; nominationId: string; expertId: string }
  | { kind: 'replace'; nominationId: string; expertId: string; byExpertId: string };

export interface ManualChangeContext {
  experts: readonly AssignmentExpert[];
  nominations: readonly AssignmentNomination[];
  current: readonly ReviewPair[];
  /** Conflicted pairs, with their reasons when known (as from findConflicts). */
  conflicts: readonly (ReviewPair & { reasons?: readonly { message: string }[] })[];
  /** Pairs whose review has been submitted: those stay. */
  submitted?: readonly ReviewPair[];
  reviewsPerNomination?: number;
}

const same = (a: ReviewPair, nominationId: string, expertId: string) =>
  a.nominationId === nominationId && a.expertId === expertId;

export function checkManualChange(change: ManualChange, context: ManualChangeContext): Finding[] {
  const { experts, nominations, current } = context;
  const n = context.reviewsPerNomination ?? DEFAULT_REVIEWS_PER_NOMINATION;
  const nomination = nominations.find((x) => x.id === change.nominationId);
  const removed = change.kind === 'add' ? undefined : change.expertId;
  const added =
    change.kind === 'add' ? change.expertId : change.kind === 'replace' ? change.byExpertId : undefined;
  const names = [removed, added].filter((id): id is string => id !== undefined);
  const unknown = names.filter((id) => !experts.some((x) => x.id === id));
  if (!nomination || unknown.length > 0)
    return [error('ASSIGNMENT_UNKNOWN', '', '所选推介或专家不在本轮评审中，请刷新后重试')];
  const expertOf = (id: string) => experts.find((x) => x.id === id)!;
  const findings: Finding[] = [];
  const load = (id: string) => current.filter((p) => p.expertId === id).length;
  let reviews = current.filter((p) => p.nominationId === nomination.id).length;

  if (removed !== undefined) {
    const expert = expertOf(removed);
    if (!current.some((p) => same(p, nomination.id, removed)))
      findings.push(
        error('ASSIGNMENT_NOT_FOUND', 'expertId', `${expert.name}并未评审「${nomination.label}」`),
      );
    else if (context.submitted?.some((p) => same(p, nomination.id, removed)))
      findings.push(
        error(
          'ASSIGNMENT_REVIEW_SUBMITTED',
          'expertId',
          `${expert.name}已提交对「${nomination.label}」的评审，不能撤下`,
        ),
      );
    else {
      reviews -= 1;
      if (load(removed) - 1 < (expert.minLoad ?? 0))
        findings.push(
          warning(
            'ASSIGNMENT_UNDER_MIN',
            'expertId',
            `撤下后${expert.name}的评审为${load(removed) - 1}份，低于最低工作量${expert.minLoad}份`,
          ),
        );
    }
  }
  if (added !== undefined) {
    const expert = expertOf(added);
    const conflict = context.conflicts.find((p) => same(p, nomination.id, added));
    if (conflict) {
      const why = conflict.reasons?.map((r) => r.message).join('；');
      findings.push(
        error(
          'ASSIGNMENT_CONFLICT',
          'expertId',
          `${expert.name}须回避「${nomination.label}」${why ? `：${why}` : ''}，不能安排其评审`,
        ),
      );
    }
    if (current.some((p) => same(p, nomination.id, added)))
      findings.push(
        error('ASSIGNMENT_DUPLICATE', 'expertId', `${expert.name}已在评审「${nomination.label}」`),
      );
    else if (load(added) + 1 > (expert.maxLoad ?? Number.POSITIVE_INFINITY))
      findings.push(
        error(
          'ASSIGNMENT_OVER_MAX',
          'expertId',
          `${expert.name}已有${load(added)}份评审，达到最高工作量${expert.maxLoad}份，请先调整其工作量上限`,
        ),
      );
    else {
      reviews += 1;
      const province = provinceCode(expert.province);
      const others = current.filter((p) => p.nominationId === nomination.id && p.expertId !== removed);
      const sameProvince = others
        .map((p) => experts.find((x) => x.id === p.expertId))
        .filter((x) => x && province && provinceCode(x.province) === province);
      if (sameProvince.length > 0)
        findings.push(
          warning(
            'ASSIGNMENT_SAME_PROVINCE',
            'expertId',
            `「${nomination.label}」的评审专家${sameProvince.map((x) => x!.name).join('、')}与${expert.name}来自同一省份`,
          ),
        );
    }
  }
  if (findings.some((f) => f.severity === 'error')) return findings;
  if (reviews < n)
    findings.push(
      warning(
        'ASSIGNMENT_REVIEWS_BELOW',
        'nominationId',
        `调整后「${nomination.label}」只有${reviews}份评审，少于每项${n}份`,
      ),
    );
  if (reviews > n)
    findings.push(
      warning(
        'ASSIGNMENT_REVIEWS_ABOVE',
        'nominationId',
        `调整后「${nomination.label}」有${reviews}份评审，多于每项${n}份`,
      ),
    );
  return findings;
}
