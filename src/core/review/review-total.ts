/**
 * A review's total T = 100 · Σ(weight · score) / Σ(weight · max) over its criteria: 0 to 100 whatever the
 * rubric's ranges, so that reviews on rubrics with different maxima can be compared and averaged.
 */
export interface CriterionScore {
  score: number;
  max: number;
  weight: number;
}

export function reviewTotal(scores: readonly CriterionScore[]): number {
  let earned = 0;
  let possible = 0;
  for (const { score, max, weight } of scores) {
    earned += weight * score;
    possible += weight * max;
  }
  return (100 * earned) / possible;
}

/** One expert's review of one nomination, reduced to its total. */
export interface ReviewTotal {
  nomination: string;
  expert: string;
  total: number;
}
