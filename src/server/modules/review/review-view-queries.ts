import type { Db, Trx } from '#server/platform/db/database.ts';
import type { ReviewKey, ReviewRow } from './transition-review.ts';

export function findReview(db: Db | Trx, key: ReviewKey): Promise<ReviewRow | undefined> {
  return db
    .selectFrom('reviews')
    .selectAll()
    .where('roundId', '=', key.roundId)
    .where('nominationId', '=', key.nominationId)
    .where('expertId', '=', key.expertId)
    .executeTakeFirst();
}

/**
 * The submitted reviews of a nomination in a round by experts not recused from it: a review whose
 * expert declared a conflict afterwards no longer counts anywhere.
 */
export function countedReviews(db: Db | Trx, roundId: string, nominationIds?: readonly string[]) {
  let query = db
    .selectFrom('reviews as v')
    .innerJoin('nominations as n', 'n.id', 'v.nominationId')
    .innerJoin('accounts as x', 'x.id', 'v.expertId')
    .leftJoin('reviewConflicts as rc', (join) =>
      join
        .onRef('rc.nominationId', '=', 'v.nominationId')
        .onRef('rc.expertId', '=', 'v.expertId')
        .on('rc.conflicted', '=', true),
    )
    .select([
      'v.id',
      'v.nominationId',
      'v.expertId',
      'x.displayName as expertName',
      'n.category',
      'v.total',
      'v.scores',
      'v.rubric',
      'v.comment',
      'v.recommendation',
      'v.proposeSpecial',
      'v.contentHash',
      'v.submittedAt',
    ])
    .where('v.roundId', '=', roundId)
    .where('v.state', '=', 'submitted')
    .where('rc.nominationId', 'is', null);
  if (nominationIds) {
    if (nominationIds.length === 0) return Promise.resolve([]);
    query = query.where('v.nominationId', 'in', nominationIds);
  }
  return query.orderBy('v.submittedAt').orderBy('v.id').execute();
}
