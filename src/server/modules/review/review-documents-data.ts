/**
 * What the review's documents are made of: an expert's reviews of a round (their assignments, recusals
 * left out), each with the rubric it was scored on.
 */
import type { Category } from '#core/campaign/rules.ts';
import { reviewSettingsOf } from '#core/review/review-rules.ts';
import type { ReviewState } from '#core/review/review-states.ts';
import type { Recommendation, Rubric } from '#core/review/rubric.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import type { CampaignRow } from '../campaigns/queries.ts';

export interface ExpertReview {
  expertId: string;
  expertName: string;
  nominationId: string;
  title: string;
  category: Category;
  rubric: Rubric;
  scores: Record<string, number>;
  total: number | null;
  recommendation: Recommendation | null;
  proposeSpecial: boolean;
  comment: string;
  state: ReviewState | null;
  submittedAt: Date | null;
  contentHash: string | null;
}

/** The round's reviews of `expertIds` (every expert of the round when omitted), by expert then title. */
export async function expertReviews(
  db: Db | Trx,
  campaign: CampaignRow,
  roundId: string,
  expertIds?: readonly string[],
): Promise<ExpertReview[]> {
  let query = db
    .selectFrom('reviewAssignments as a')
    .innerJoin('accounts as x', 'x.id', 'a.expertId')
    .innerJoin('nominations as n', 'n.id', 'a.nominationId')
    .leftJoin('reviews as v', (join) =>
      join
        .onRef('v.roundId', '=', 'a.roundId')
        .onRef('v.nominationId', '=', 'a.nominationId')
        .onRef('v.expertId', '=', 'a.expertId'),
    )
    .leftJoin('reviewConflicts as rc', (join) =>
      join
        .onRef('rc.nominationId', '=', 'a.nominationId')
        .onRef('rc.expertId', '=', 'a.expertId')
        .on('rc.conflicted', '=', true),
    )
    .select([
      'a.expertId',
      'x.displayName as expertName',
      'a.nominationId',
      'n.title',
      'n.category',
      'v.rubric',
      'v.scores',
      'v.total',
      'v.recommendation',
      'v.proposeSpecial',
      'v.comment',
      'v.state',
      'v.submittedAt',
      'v.contentHash',
    ])
    .where('a.roundId', '=', roundId)
    .where('rc.nominationId', 'is', null);
  if (expertIds) {
    if (expertIds.length === 0) return [];
    query = query.where('a.expertId', 'in', expertIds);
  }
  const rows = await query
    .orderBy('x.displayName')
    .orderBy('a.expertId')
    .orderBy('n.category', 'desc')
    .orderBy('n.title')
    .execute();
  const rubrics = reviewSettingsOf(campaign.rules).rubrics;
  return rows.map((r) => ({
    expertId: r.expertId,
    expertName: r.expertName,
    nominationId: r.nominationId,
    title: r.title,
    category: r.category,
    rubric: (r.rubric as Rubric | null) ?? rubrics[r.category],
    scores: (r.scores ?? {}) as Record<string, number>,
    total: r.total === null ? null : Number(r.total),
    recommendation: (r.recommendation ?? null) as Recommendation | null,
    proposeSpecial: r.proposeSpecial ?? false,
    comment: r.comment ?? '',
    state: r.state ?? null,
    submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
    contentHash: r.contentHash ?? null,
  }));
}
