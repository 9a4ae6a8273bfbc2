import type { Category } from '#core/campaign/rules.ts';
import type { MyReviews } from '#core/contract/review-scoring.ts';
import { REVIEW_STATES } from '#core/review/review-states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { myAssignments, progressOf } from './my-reviews-queries.ts';

/** The caller's review tasks by round: what is assigned, what is scored, the panels they chair. */
export async function listMyReviews(db: Db, actor: Actor): Promise<MyReviews> {
  const items = await myAssignments(db, actor.accountId);
  const roundIds = [...new Set(items.map((i) => i.roundId))];
  if (roundIds.length === 0) return { rounds: [] };
  const rounds = await db
    .selectFrom('reviewRounds as r')
    .innerJoin('campaigns as c', 'c.id', 'r.campaignId')
    .leftJoin('reviewExperts as e', (join) =>
      join.onRef('e.campaignId', '=', 'r.campaignId').on('e.expertId', '=', actor.accountId),
    )
    .select(['r.id', 'r.name', 'r.state', 'r.closesAt', 'c.id as campaignId', 'c.title', 'e.chairOf'])
    .where('r.id', 'in', roundIds)
    .orderBy('r.closesAt', 'desc')
    .orderBy('r.position')
    .execute();
  return {
    rounds: rounds.map((r) => {
      const mine = items.filter((i) => i.roundId === r.id);
      return {
        roundId: r.id,
        roundName: r.name,
        campaignId: r.campaignId,
        campaignTitle: r.title,
        open: r.state === 'open',
        closesAt: new Date(r.closesAt).toISOString(),
        progress: progressOf(mine),
        chairOf: (r.chairOf ?? []) as Category[],
        items: mine.map((i) => ({
          roundId: i.roundId,
          nominationId: i.nominationId,
          title: i.title,
          category: i.category,
          state: i.reviewState ?? 'none',
          stateLabel: i.reviewState ? REVIEW_STATES[i.reviewState] : '未评分',
          total: i.total === null ? null : Number(i.total),
        })),
      };
    }),
  };
}
