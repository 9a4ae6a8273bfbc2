/**
 * What a review needs before it is submitted, beside complete scores in range: a recommendation
 * (推荐 / 可推荐 / 不推荐), and a written comment when the rubric asks for one. The browser runs the same
 * check before it offers the submit button.
 */
import { error, type Finding } from '../findings.ts';
import { checkReviewScores, type Rubric } from './rubric.ts';

export function reviewSubmitFindings(
  rubric: Rubric,
  review: {
    scores: Readonly<Record<string, number | null | undefined>>;
    comment: string;
    recommendation: string | null;
  },
): Finding[] {
  const findings = checkReviewScores(rubric, review.scores, { complete: true });
  if (!review.recommendation)
    findings.push(
      error('RECOMMENDATION_MISSING', 'recommendation', '请选择推荐意见（推荐、可推荐或不推荐）后再提交'),
    );
  if (rubric.commentRequired && review.comment.trim() === '')
    findings.push(error('COMMENT_MISSING', 'comment', '请填写评语后再提交'));
  return findings;
}
