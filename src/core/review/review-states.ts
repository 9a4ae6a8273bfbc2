/**
 * One expert's review of one nomination in one round: the one state enum and the one transition table
 * (house rule 1). A draft is saved as the expert goes (autosave); submitting freezes it with a hash;
 * the expert may reopen a submitted review while the round is open.
 */
import type { RoundState } from './round-states.ts';

export const REVIEW_STATES = {
  draft: '未提交',
  submitted: '已提交',
} as const;
export type ReviewState = keyof typeof REVIEW_STATES;

export interface ReviewTransition {
  from: ReviewState;
  to: ReviewState;
  label: string;
}

export const REVIEW_TRANSITIONS: readonly ReviewTransition[] = [
  { from: 'draft', to: 'draft', label: '保存评分' },
  { from: 'draft', to: 'submitted', label: '提交评分' },
  { from: 'submitted', to: 'draft', label: '撤回评分修改' },
];

export type ReviewRefusal = 'REVIEW_ALREADY_SUBMITTED' | 'REVIEW_NOT_SUBMITTED' | 'ROUND_NOT_OPEN';

/** Whether a review may move now: every move needs its round open. */
export function reviewMove(
  from: ReviewState,
  to: ReviewState,
  roundState: RoundState,
): { ok: true; transition: ReviewTransition } | { ok: false; code: ReviewRefusal; message: string } {
  const transition = REVIEW_TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!transition) {
    if (from === 'submitted' && to === 'submitted')
      return {
        ok: false,
        code: 'REVIEW_ALREADY_SUBMITTED',
        message: '这份评分已经提交过了；如需修改，请先撤回。',
      };
    if (from === 'submitted')
      return {
        ok: false,
        code: 'REVIEW_ALREADY_SUBMITTED',
        message: '这份评分已经提交；如需修改，请先撤回。',
      };
    return { ok: false, code: 'REVIEW_NOT_SUBMITTED', message: '这份评分还没有提交。' };
  }
  if (roundState !== 'open')
    return {
      ok: false,
      code: 'ROUND_NOT_OPEN',
      message: roundState === 'closed' ? '本轮评审已经结束，评分不能再修改或提交。' : '本轮评审还没有开始。',
    };
  return { ok: true, transition };
}
