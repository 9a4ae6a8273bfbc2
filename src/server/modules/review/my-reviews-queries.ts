/**
 * An expert's own assignments, recusals left out, with where each review stands: the list on the
 * expert's page, and the previous / next nomination and the progress on the scoring screen. One order
 * everywhere (category, then title), so that "next" on the screen is the next line of the list.
 */
import type { Category } from '#core/campaign/rules.ts';
import type { ReviewState } from '#core/review/review-states.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { unrecusedAssignments } from './review-access.ts';

export interface MyAssignment {
  roundId: string;
  nominationId: string;
  title: string;
  category: Category;
  campaignId: string;
  reviewState: ReviewState | null;
  total: string | null;
}

export function myAssignments(db: Db | Trx, expertId: string, roundId?: string): Promise<MyAssignment[]> {
  let query = unrecusedAssignments(db, expertId)
    .innerJoin('reviewRounds as r', 'r.id', 'a.roundId')
    .innerJoin('nominations as n', 'n.id', 'a.nominationId')
    .leftJoin('reviews as v', (join) =>
      join
        .onRef('v.roundId', '=', 'a.roundId')
        .onRef('v.nominationId', '=', 'a.nominationId')
        .onRef('v.expertId', '=', 'a.expertId'),
    )
    .select([
      'a.roundId',
      'a.nominationId',
      'n.title',
      'n.category',
      'r.campaignId',
      'v.state as reviewState',
      'v.total',
    ]);
  if (roundId) query = query.where('a.roundId', '=', roundId);
  return query
    .orderBy('r.campaignId')
    .orderBy('r.position')
    .orderBy('n.category', 'desc')
    .orderBy('n.title')
    .orderBy('n.id')
    .execute();
}

export function progressOf(items: readonly MyAssignment[]) {
  return { submitted: items.filter((i) => i.reviewState === 'submitted').length, assigned: items.length };
}
