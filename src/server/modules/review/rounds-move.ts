/**
 * The organiser opens, closes or reopens a round through its transition function. Opening recomputes the
 * campaign's conflicts first (nominations may have been accepted since the assignment) and tells each
 * assigned expert, once per round, that reviews await them.
 */
import { todayInShanghai } from '#core/calendar/today.ts';
import type { RoundState } from '#core/review/round-states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { notify } from '../notifications/notify.ts';
import { recomputeConflicts } from './conflicts-recompute.ts';
import { managedCampaign } from './pool-context.ts';
import { findRound } from './rounds.ts';
import { transitionRound } from './transition-round.ts';

/** Tells experts of their assignments in an open round; the dedupe key tells each of them once per round. */
export async function notifyAssigned(
  trx: Trx,
  round: { id: string; name: string; closesAt: Date | string },
  expertIds: readonly string[],
) {
  if (expertIds.length === 0) return;
  const counts = await trx
    .selectFrom('reviewAssignments')
    .select(['expertId', (eb) => eb.fn.countAll<string>().as('n')])
    .where('roundId', '=', round.id)
    .where('expertId', 'in', expertIds)
    .groupBy('expertId')
    .execute();
  for (const { expertId } of counts)
    await notify(trx, [expertId], {
      kind: 'review_assigned',
      title: `您有「${round.name}」的评审任务`,
      body: '请登录平台查看分配给您的推介并评分。',
      link: '/reviews',
      dedupeKey: `assigned:${round.id}`,
    });
}

export async function moveReviewRound(
  db: Db,
  actor: Actor,
  campaignId: string,
  roundId: string,
  input: { to: RoundState; version: number },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await managedCampaign(trx, actor, campaignId, true);
    const round = await findRound(trx, campaign.id, roundId);
    if (input.to === 'open') await recomputeConflicts(trx, campaign.id, todayInShanghai(now), actor);
    const moved = await transitionRound(trx, actor, round.id, input.to, {
      campaignState: campaign.status,
      scopePath: campaign.organiserPath,
      now,
      version: input.version,
    });
    if (input.to === 'open') {
      const experts = await trx
        .selectFrom('reviewAssignments')
        .select('expertId')
        .distinct()
        .where('roundId', '=', round.id)
        .execute();
      await notifyAssigned(
        trx,
        moved,
        experts.map((e) => e.expertId),
      );
    }
    return moved;
  });
}
