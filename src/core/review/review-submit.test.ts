import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRICS } from './default-rubrics.ts';
import { reviewSubmitFindings } from './review-submit.ts';

const rubric = DEFAULT_RUBRICS.star;
const full = Object.fromEntries(rubric.criteria.map((c) => [c.id, 8]));

describe('reviewSubmitFindings', () => {
  it('passes a complete review', () => {
    expect(
      reviewSubmitFindings(rubric, { scores: full, comment: '事迹突出', recommendation: 'recommend' }),
    ).toEqual([]);
  });

  it('asks for every criterion, the recommendation and the comment the rubric requires', () => {
    const { lifelong_learning: _, ...partial } = full;
    const codes = reviewSubmitFindings(rubric, { scores: partial, comment: ' ', recommendation: null }).map(
      (f) => `${f.code}@${f.field}`,
    );
    expect(codes).toEqual([
      'SCORE_CRITERION_MISSING@scores.lifelong_learning',
      'RECOMMENDATION_MISSING@recommendation',
      'COMMENT_MISSING@comment',
    ]);
  });

  it('does not ask for a comment when the rubric does not', () => {
    expect(
      reviewSubmitFindings(
        { ...rubric, commentRequired: false },
        { scores: full, comment: '', recommendation: 'may_recommend' },
      ),
    ).toEqual([]);
  });
});
