/**
 * Aggregation of review totals into one score per nomination, by three methods (definitions in the
 * README, section 「tuijie rank」), and the order they give:
 * - mean: mean of the totals T; a recusal leaves a nomination with fewer reviews, not a lower score;
 * - trimmed: the same after dropping one highest and one lowest T when there are at least 5 reviews;
 * - zscore: each T as z against its expert's own mean and population standard deviation, so that a
 *   lenient or a strict expert does not decide outcomes. An expert with fewer than 2 reviews, or who
 *   gave every nomination the same total, has no scale of their own: their T are taken against all T,
 *   and the expert is listed in `experts` with `fallback` so that a screen can say so. The score is the
 *   mean z, shown also rescaled to the familiar 0–100 range (mean of all T + z · sd of all T).
 * A nomination whose totals lie further apart than a threshold is flagged, for the panel to discuss.
 */
import type { ReviewTotal } from './review-total.ts';
import { mean, populationSd, scoreKey, trimmedMean } from './statistics.ts';

export const RANKING_METHODS = ['mean', 'trimmed', 'zscore'] as const;
export type RankingMethod = (typeof RANKING_METHODS)[number];

export const RANKING_METHOD_LABELS: Record<RankingMethod, string> = {
  mean: '平均分',
  trimmed: '去掉最高分和最低分后的平均分',
  zscore: '按专家标准化后的分数',
};

/** Highest minus lowest total above which reviewers are said to disagree (points of T, 0–100). */
export const DEFAULT_DISAGREEMENT_THRESHOLD = 20;
export const TRIM_MIN_REVIEWS = 5;
export const ZSCORE_MIN_REVIEWS = 2;

export interface NominationScore {
  nomination: string;
  reviews: number;
  mean: number;
  trimmed: number;
  /** Mean z of the nomination's reviews. */
  zscore: number;
  /** `zscore` on the scale of T: mean of all T + zscore · sd of all T. */
  zscoreRescaled: number;
  /** Highest minus lowest total. */
  spread: number;
  disagreement: boolean;
  /** Its reviewers whose totals were normalised against all totals (see ExpertScale). */
  fallbackExperts: string[];
}

export interface ExpertScale {
  expert: string;
  reviews: number;
  mean: number;
  sd: number;
  /** Normalised against all totals: too few reviews, or no spread. */
  fallback: boolean;
  fallbackReason?: 'FEW_REVIEWS' | 'NO_SPREAD';
}

export interface Aggregation {
  /** In the order nominations first appear in the input. */
  nominations: NominationScore[];
  experts: ExpertScale[];
  overall: { mean: number; sd: number; reviews: number };
}

export interface AggregateOptions {
  disagreementThreshold?: number;
}

export const FALLBACK_REASON_LABELS: Record<NonNullable<ExpertScale['fallbackReason']>, string> = {
  FEW_REVIEWS: `评审不足${ZSCORE_MIN_REVIEWS}份`,
  NO_SPREAD: '所评总分全部相同',
};

function expertScales(totals: readonly ReviewTotal[]): Map<string, ExpertScale> {
  const byExpert = new Map<string, number[]>();
  for (const review of totals) {
    const group = byExpert.get(review.expert);
    if (group) group.push(review.total);
    else byExpert.set(review.expert, [review.total]);
  }
  const scales = new Map<string, ExpertScale>();
  for (const [expert, values] of byExpert) {
    const m = mean(values);
    const sd = populationSd(values, m);
    const scale: ExpertScale = { expert, reviews: values.length, mean: m, sd, fallback: false };
    if (values.length < ZSCORE_MIN_REVIEWS)
      Object.assign(scale, { fallback: true, fallbackReason: 'FEW_REVIEWS' });
    // sd of equal values may come out as 1e-15 instead of 0: compare on the same grid as scores.
    else if (scoreKey(sd) === 0) Object.assign(scale, { fallback: true, fallbackReason: 'NO_SPREAD' });
    scales.set(expert, scale);
  }
  return scales;
}

export function aggregateReviews(
  totals: readonly ReviewTotal[],
  options: AggregateOptions = {},
): Aggregation {
  const threshold = options.disagreementThreshold ?? DEFAULT_DISAGREEMENT_THRESHOLD;
  const all = totals.map((r) => r.total);
  const overallMean = mean(all);
  const overallSd = populationSd(all, overallMean);
  const flat = scoreKey(overallSd) === 0;
  const scales = expertScales(totals);

  const byNomination = new Map<string, { values: number[]; zs: number[]; fallbackExperts: string[] }>();
  for (const review of totals) {
    const scale = scales.get(review.expert)!;
    // An expert without a scale of their own is measured against all totals; all equal: every z is 0.
    const z = !scale.fallback
      ? (review.total - scale.mean) / scale.sd
      : flat
        ? 0
        : (review.total - overallMean) / overallSd;
    let group = byNomination.get(review.nomination);
    if (!group) {
      group = { values: [], zs: [], fallbackExperts: [] };
      byNomination.set(review.nomination, group);
    }
    group.values.push(review.total);
    group.zs.push(z);
    if (scale.fallback) group.fallbackExperts.push(review.expert);
  }
  const nominations: NominationScore[] = [];
  for (const [nomination, { values, zs, fallbackExperts }] of byNomination) {
    let low = values[0]!;
    let high = values[0]!;
    for (const v of values) {
      if (v < low) low = v;
      if (v > high) high = v;
    }
    const zscore = mean(zs);
    const spread = high - low;
    nominations.push({
      nomination,
      reviews: values.length,
      mean: mean(values),
      trimmed: trimmedMean(values, TRIM_MIN_REVIEWS),
      zscore,
      zscoreRescaled: overallMean + zscore * overallSd,
      spread,
      disagreement: scoreKey(spread) > scoreKey(threshold),
      fallbackExperts,
    });
  }
  return {
    nominations,
    experts: [...scales.values()],
    overall: { mean: overallMean, sd: overallSd, reviews: totals.length },
  };
}

/**
 * How ties are broken.
 * - `nomination-id` (the command line, as the issue defines it): equal scores by nomination id, in
 *   code-point order, so that the same sheet always gives the same list.
 * - `platform`: equal scores first by the other methods (mean, then the normalised score, then the trimmed
 *   mean), then by more reviews (a score resting on more opinions is surer), and only then by id. The
 *   chair still decides a tie at the cut-off line; this only makes the order reproducible and defensible.
 */
export type TieRule = 'nomination-id' | 'platform';

export interface RankedNomination extends NominationScore {
  /** 1 for the best; positions, so two tied nominations get consecutive ranks in tie-rule order. */
  rank: number;
}

const SCORE_OF: Record<RankingMethod, (n: NominationScore) => number> = {
  mean: (n) => n.mean,
  trimmed: (n) => n.trimmed,
  zscore: (n) => n.zscore,
};

const PLATFORM_TIE_ORDER: readonly RankingMethod[] = ['mean', 'zscore', 'trimmed'];

function byId(a: NominationScore, b: NominationScore): number {
  return a.nomination < b.nomination ? -1 : a.nomination > b.nomination ? 1 : 0;
}

export function compareNominations(method: RankingMethod, tieRule: TieRule = 'nomination-id') {
  const keys =
    tieRule === 'platform' ? [method, ...PLATFORM_TIE_ORDER.filter((m) => m !== method)] : [method];
  return (a: NominationScore, b: NominationScore): number => {
    for (const key of keys) {
      const difference = scoreKey(SCORE_OF[key](b)) - scoreKey(SCORE_OF[key](a));
      if (difference !== 0) return difference;
    }
    if (tieRule === 'platform' && a.reviews !== b.reviews) return b.reviews - a.reviews;
    return byId(a, b);
  };
}

/** Best first by the method; see TieRule. */
export function rankNominations(
  scores: readonly NominationScore[],
  method: RankingMethod,
  tieRule: TieRule = 'nomination-id',
): RankedNomination[] {
  // Keys computed once, not in every comparison: a sort compares n·log n times.
  const methods =
    tieRule === 'platform' ? [method, ...PLATFORM_TIE_ORDER.filter((m) => m !== method)] : [method];
  const keys = methods.map((m) => Float64Array.from(scores, (n) => scoreKey(SCORE_OF[m](n))));
  const order = Array.from(scores.keys());
  order.sort((i, j) => {
    for (const key of keys) {
      const difference = key[j]! - key[i]!;
      if (difference !== 0) return difference;
    }
    const a = scores[i]!;
    const b = scores[j]!;
    if (tieRule === 'platform' && a.reviews !== b.reviews) return b.reviews - a.reviews;
    return byId(a, b);
  });
  return order.map((i, position) => ({ ...scores[i]!, rank: position + 1 }));
}

export function methodScore(n: NominationScore, method: RankingMethod): number {
  return SCORE_OF[method](n);
}
