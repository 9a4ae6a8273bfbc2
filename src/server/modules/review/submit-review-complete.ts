/**
 * When the last review of a round is in, the campaign's panel chairs and its organiser admins are told
 * (once per round: a review reopened and submitted again does not tell them twice).
 */
import { sql } from 'kysely';
import type { Trx } from '#server/platform/db/database.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { notify } from '../notifications/notify.ts';
import type { RoundRow } from './transition-round.ts';

/** Assignments of the round (recusals left out) still without a submitted review. */
export async function outstandingReviews(trx: Trx, roundId: string): Promise<number> {
  const row = await trx
    .selectFrom('reviewAssignments as a')
    .leftJoin('reviews as v', (join) =>
      join
        .onRef('v.roundId', '=', 'a.roundId')
        .onRef('v.nominationId', '=', 'a.nominationId')
        .onRef('v.expertId', '=', 'a.expertId')
        .on('v.state', '=', 'submitted'),
    )
    .leftJoin('reviewConflicts as rc', (join) =>
      join
        .onRef('rc.nominationId', '=', 'a.nominationId')
        .onRef('rc.expertId', '=', 'a.expertId')
        .on('rc.conflicted', '=', true),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('a.roundId', '=', roundId)
    .where('v.id', 'is', null)
    .where('rc.nominationId', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function notifyIfRoundComplete(trx: Trx, round: RoundRow, campaign: CampaignRow) {
  if ((await outstandingReviews(trx, round.id)) > 0) return;
  const chairs = await trx
    .selectFrom('reviewExperts')
    .select('expertId')
    .where('campaignId', '=', campaign.id)
    .where(sql<boolean>`cardinality(chair_of) > 0`)
    .execute();
  const organisers = await trx
    .selectFrom('accounts')
    .select('id')
    .where('organisationId', '=', campaign.organiserId)
    .where('disabled', '=', false)
    .where((eb) => eb(eb.val('organiser_admin'), '=', eb.fn.any('roles')))
    .execute();
  await notify(trx, [...chairs.map((c) => c.expertId), ...organisers.map((o) => o.id)], {
    kind: 'reviews_complete',
    title: `「${round.name}」的评分已全部提交`,
    body: `${campaign.title}「${round.name}」的评分已全部提交，可以查看排名并拟定推介名单。`,
    link: `/campaigns/${campaign.id}/review`,
    dedupeKey: `reviews_complete:${round.id}`,
  });
}
