/**
 * The organiser's overview of a campaign's review: the settings in force, the pool with each expert's
 * number of recusals, the rounds with their progress and moves, the accepted nominations per category
 * and the number of conflicted and dismissed pairs.
 */
import type { ReviewSetup } from '#core/contract/review-setup.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { managedCampaign, settingsOf } from './pool-context.ts';
import { listPool } from './pool-queries.ts';
import { presentPoolExpert, presentRound } from './setup-presenter.ts';

export async function getReviewSetup(db: Db, actor: Actor, campaignId: string): Promise<ReviewSetup> {
  const campaign = await managedCampaign(db, actor, campaignId);
  const [pool, rounds, roundExperts, progress, nominations, conflicts] = await Promise.all([
    listPool(db, campaign.id),
    db
      .selectFrom('reviewRounds')
      .selectAll()
      .where('campaignId', '=', campaign.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('reviewRoundExperts as x')
      .innerJoin('reviewRounds as r', 'r.id', 'x.roundId')
      .select(['x.roundId', 'x.expertId'])
      .where('r.campaignId', '=', campaign.id)
      .execute(),
    db
      .selectFrom('reviewAssignments as a')
      .innerJoin('reviewRounds as r', 'r.id', 'a.roundId')
      .leftJoin('reviews as v', (join) =>
        join
          .onRef('v.roundId', '=', 'a.roundId')
          .onRef('v.nominationId', '=', 'a.nominationId')
          .onRef('v.expertId', '=', 'a.expertId'),
      )
      .select((eb) => [
        'a.roundId',
        eb.fn.countAll<string>().as('assigned'),
        eb.fn.count<string>('v.id').filterWhere('v.state', '=', 'submitted').as('submitted'),
      ])
      .where('r.campaignId', '=', campaign.id)
      .groupBy('a.roundId')
      .execute(),
    db
      .selectFrom('nominations')
      .select((eb) => ['category', eb.fn.countAll<string>().as('n')])
      .where('campaignId', '=', campaign.id)
      .where('state', '=', 'accepted')
      .groupBy('category')
      .execute(),
    db
      .selectFrom('reviewConflicts')
      .select(['expertId', 'conflicted', 'dismissed'])
      .where('campaignId', '=', campaign.id)
      .execute(),
  ]);
  const settings = settingsOf(campaign);
  const recusals = (expertId: string) =>
    conflicts.filter((c) => c.expertId === expertId && c.conflicted).length;
  return {
    campaignId: campaign.id,
    campaignState: campaign.status,
    settings: {
      rubrics: settings.rubrics,
      sameProvinceConflicts: settings.sameProvinceConflicts,
      reviewsPerNomination: settings.reviewsPerNomination,
      disagreementThreshold: settings.disagreementThreshold,
      method: settings.method,
    },
    experts: pool.map((e) => presentPoolExpert(e, recusals(e.expertId))),
    rounds: rounds.map((r) => {
      const p = progress.find((x) => x.roundId === r.id);
      return presentRound(
        r,
        roundExperts.filter((x) => x.roundId === r.id).map((x) => x.expertId),
        { assigned: Number(p?.assigned ?? 0), submitted: Number(p?.submitted ?? 0) },
      );
    }),
    nominations: {
      star: Number(nominations.find((n) => n.category === 'star')?.n ?? 0),
      project: Number(nominations.find((n) => n.category === 'project')?.n ?? 0),
    },
    conflicts: {
      pairs: conflicts.filter((c) => c.conflicted).length,
      dismissed: conflicts.filter((c) => (c.dismissed as unknown[]).length > 0).length,
    },
  };
}
