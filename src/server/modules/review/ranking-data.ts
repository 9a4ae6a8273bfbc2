/**
 * A category's ranking in a round, from the data: the nominations assigned in the round, the submitted
 * reviews of experts not recused from them, aggregated by core (mean, trimmed mean, per-expert z-score,
 * disagreement) and ordered by the chosen method with the platform's tie rule. The ranking screen, the
 * shortlist check and the ranking workbook all read this one computation.
 */
import type { Category } from '#core/campaign/rules.ts';
import { NOMINATION_STATES, type NominationState } from '#core/nomination/states.ts';
import {
  type Aggregation,
  aggregateReviews,
  FALLBACK_REASON_LABELS,
  type NominationScore,
  RANKING_METHOD_LABELS,
  type RankingMethod,
  rankNominations,
} from '#core/review/ranking.ts';
import { reviewSettingsOf } from '#core/review/review-rules.ts';
import { nomineeProfile, type ShortlistCandidate } from '#core/review/shortlist.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { countedReviews } from './review-view-queries.ts';
import type { RoundRow } from './transition-round.ts';

export interface RankedRow {
  nominationId: string;
  title: string;
  unitId: string;
  unitName: string;
  rank: number;
  /** False for a nomination without any submitted review: it ranks last, unscored. */
  scored: boolean;
  reviews: number;
  expected: number;
  mean: number;
  trimmed: number;
  zscore: number;
  zscoreRescaled: number;
  spread: number;
  disagreement: boolean;
  recommendations: { recommend: number; may_recommend: number; not_recommend: number };
  specialVotes: number;
  grassroots: boolean;
  focusGroups: string[];
  state: NominationState;
  stateLabel: string;
  special: boolean;
}

export interface CategoryRanking {
  method: RankingMethod;
  methodLabel: string;
  rows: RankedRow[];
  aggregation: Aggregation;
  fallbackExperts: { expertName: string; reason: string }[];
  complete: boolean;
}

/** The nominations of a category assigned in the round, with how many reviews each should get. */
export async function roundNominations(db: Db | Trx, roundId: string, category: Category) {
  return db
    .selectFrom('reviewAssignments as a')
    .innerJoin('nominations as n', 'n.id', 'a.nominationId')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .leftJoin('reviewConflicts as rc', (join) =>
      join
        .onRef('rc.nominationId', '=', 'a.nominationId')
        .onRef('rc.expertId', '=', 'a.expertId')
        .on('rc.conflicted', '=', true),
    )
    .select((eb) => [
      'n.id',
      'n.title',
      'n.unitId',
      'u.name as unitName',
      'n.state',
      'n.special',
      'n.snapshot',
      'n.form',
      eb.fn.count<string>('a.expertId').filterWhere('rc.nominationId', 'is', null).as('expected'),
    ])
    .where('a.roundId', '=', roundId)
    .where('n.category', '=', category)
    .groupBy(['n.id', 'u.name'])
    .orderBy('n.id')
    .execute();
}

const NO_SCORE: Omit<NominationScore, 'nomination'> = {
  reviews: 0,
  mean: 0,
  trimmed: 0,
  zscore: 0,
  zscoreRescaled: 0,
  spread: 0,
  disagreement: false,
  fallbackExperts: [],
};

export async function categoryRanking(
  db: Db | Trx,
  campaign: CampaignRow,
  round: RoundRow,
  category: Category,
  method: RankingMethod,
  /** Nominations the viewer is recused from: they do not exist for the viewer, not even as a gap in the ranks. */
  hidden: ReadonlySet<string> = new Set(),
): Promise<CategoryRanking> {
  const settings = reviewSettingsOf(campaign.rules);
  const nominations = await roundNominations(db, round.id, category);
  const reviews = await countedReviews(
    db,
    round.id,
    nominations.map((n) => n.id),
  );
  const aggregation = aggregateReviews(
    reviews.map((r) => ({ nomination: r.nominationId, expert: r.expertId, total: Number(r.total) })),
    { disagreementThreshold: settings.disagreementThreshold },
  );
  const ranked = rankNominations(aggregation.nominations, method, 'platform');
  const byId = new Map(nominations.map((n) => [n.id, n]));
  const scoredIds = new Set(aggregation.nominations.map((s) => s.nomination));
  const unscored = nominations.filter((n) => !scoredIds.has(n.id));
  const reviewsOf = new Map<string, typeof reviews>();
  for (const r of reviews) reviewsOf.set(r.nominationId, [...(reviewsOf.get(r.nominationId) ?? []), r]);
  const ordered = [
    ...ranked.map((s) => ({ score: s as NominationScore, scored: true })),
    ...unscored.map((n) => ({ score: { ...NO_SCORE, nomination: n.id }, scored: false })),
  ];
  const visible = ordered.filter(({ score }) => !hidden.has(score.nomination));
  const rows = visible.map(({ score, scored }, i): RankedRow => {
    const n = byId.get(score.nomination)!;
    const mine = reviewsOf.get(n.id) ?? [];
    const count = (rec: string) => mine.filter((r) => r.recommendation === rec).length;
    const form = (n.snapshot ?? n.form ?? {}) as Record<string, unknown>;
    return {
      nominationId: n.id,
      title: n.title,
      unitId: n.unitId,
      unitName: n.unitName,
      rank: i + 1,
      scored,
      reviews: score.reviews,
      expected: Number(n.expected),
      mean: score.mean,
      trimmed: score.trimmed,
      zscore: score.zscore,
      zscoreRescaled: score.zscoreRescaled,
      spread: score.spread,
      disagreement: score.disagreement,
      recommendations: {
        recommend: count('recommend'),
        may_recommend: count('may_recommend'),
        not_recommend: count('not_recommend'),
      },
      specialVotes: mine.filter((r) => r.proposeSpecial).length,
      ...nomineeProfile(category, form),
      state: n.state,
      stateLabel: NOMINATION_STATES[n.state],
      special: n.special,
    };
  });
  const names = new Map(reviews.map((r) => [r.expertId, r.expertName]));
  return {
    method,
    methodLabel: RANKING_METHOD_LABELS[method],
    rows,
    aggregation: {
      ...aggregation,
      nominations: aggregation.nominations.filter((n) => !hidden.has(n.nomination)),
    },
    fallbackExperts: aggregation.experts
      .filter((e) => e.fallback && e.fallbackReason)
      .map((e) => ({
        expertName: names.get(e.expert) ?? '',
        reason: `${FALLBACK_REASON_LABELS[e.fallbackReason!]}，按全部评分标准化（使用原始分）`,
      })),
    complete: rows.every((r) => r.reviews >= r.expected),
  };
}

/** The candidates of a shortlist: every nomination of the ranking still before the panel or decided by it. */
export function shortlistCandidates(ranking: CategoryRanking): ShortlistCandidate[] {
  return ranking.rows.map((r) => ({
    nominationId: r.nominationId,
    title: r.title,
    unitId: r.unitId,
    unitName: r.unitName,
    rank: r.scored ? r.rank : null,
    unitSpecial: r.special,
  }));
}
