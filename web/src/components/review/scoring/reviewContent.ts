/**
 * What an expert edits on one review, and the checks the browser runs before saving or submitting: the
 * same core function as the server (checkReviewScores), so the findings read the same, plus what only
 * a submitted review must have: a recommendation, and a comment when the rubric asks for one.
 */
import type { Finding } from '#core/findings.ts';
import { reviewSubmitFindings } from '#core/review/review-submit.ts';
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

/** Findings that stop a review from being submitted: core's rule, the same the server applies. */
export function submitFindings(rubric: Rubric, content: ReviewContent): Finding[] {
  return reviewSubmitFindings(rubric, content);
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
