/**
 * What an expert edits on one review, and the checks the browser runs before saving or submitting: the
 * same core function as the server (checkReviewScores), so the findings read the same, plus what only
 * a submitted review must have: a recommendation, and a comment when the rubric asks for one.
 */
import { error, type Finding } from '#core/findings.ts';
import { checkReviewScores, type Recommendation, type Rubric, rubricTotal } from '#core/review/rubric.ts';
import type { ReviewDraft } from '#web/api/review-scoring.ts';

export interface ReviewContent {
  scores: Record<string, number | null>;
  comment: string;
  recommendation: Recommendation | null;
  proposeSpecial: boolean;
}

export function contentOf(review: ReviewDraft): ReviewContent {
  return {
    scores: { ...review.scores },
    comment: review.comment,
    recommendation: review.recommendation,
    proposeSpecial: review.proposeSpecial,
  };
}

/** Findings that stop a draft from being saved (a score out of range or off its step). */
export function draftFindings(rubric: Rubric, content: ReviewContent): Finding[] {
  return checkReviewScores(rubric, content.scores, { complete: false });
}

/**
 * Findings that stop a review from being submitted, worded as the server words them. The server's
 * scoring helper keeps this rule in core (`reviewSubmitFindings`, src/core/review/review-submit.ts on
 * its branch); once merged, this should call it instead of repeating it.
 */
export function submitFindings(rubric: Rubric, content: ReviewContent): Finding[] {
  const findings = checkReviewScores(rubric, content.scores, { complete: true });
  if (!content.recommendation)
    findings.push(
      error('RECOMMENDATION_MISSING', 'recommendation', '请选择推荐意见（推荐、可推荐或不推荐）后再提交'),
    );
  if (rubric.commentRequired && content.comment.trim() === '')
    findings.push(error('COMMENT_MISSING', 'comment', '请填写评语后再提交'));
  return findings;
}

/** T while the expert scores: shown once every criterion has a valid score, else null. */
export function liveTotal(rubric: Rubric, content: ReviewContent): number | null {
  if (checkReviewScores(rubric, content.scores, { complete: true }).length > 0) return null;
  return rubricTotal(rubric, content.scores as Record<string, number>);
}

/** 86.5 → "86.5", 86 → "86.0": totals read alike down a column. */
export function formatTotal(total: number | null | undefined): string {
  return total === null || total === undefined ? '—' : total.toFixed(1);
}
