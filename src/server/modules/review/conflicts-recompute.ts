/**
 * Rewrites a campaign's materialised conflicts (review_conflicts) from core's findConflicts over its pool
 * and its reviewed nominations, so that every query can leave out what an expert must not see by a join.
 * Called in the transaction of whatever changes an input: the pool, declarations, exclusion requests,
 * dismissals; and before an automatic assignment and when a round opens (nominations may have changed).
 */
import type { ConflictSettings } from '#core/review/conflict-facts.ts';
import { findConflicts } from '#core/review/conflicts.ts';
import { reviewSettingsOf } from '#core/review/review-rules.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { campaignForJob } from '../campaigns/service.ts';
import {
  campaignDeclarations,
  campaignDismissals,
  campaignExclusions,
  expertFacts,
  groupBy,
  nominationFacts,
  poolOrganisation,
  type ReviewedNomination,
  reviewedNominations,
} from './conflicts-facts.ts';
import { listPool } from './pool-queries.ts';

/** The inputs of a campaign's recusal, gathered once (also used to check a candidate before inviting). */
export async function conflictInputs(trx: Db | Trx, campaignId: string, today: string) {
  const campaign = (await campaignForJob(trx, campaignId))!;
  const nominations = await reviewedNominations(trx, campaignId);
  const ids = nominations.map((n) => n.id);
  const [pool, declarations, exclusions, dismissals] = await Promise.all([
    listPool(trx, campaignId),
    campaignDeclarations(trx, ids),
    campaignExclusions(trx, ids),
    campaignDismissals(trx, ids),
  ]);
  const byNomination = groupBy(exclusions, (e) => e.nominationId);
  const byExpert = groupBy(declarations, (d) => d.expertId);
  const settings: ConflictSettings = {
    sameProvince: reviewSettingsOf(campaign.rules).sameProvinceConflicts,
    today,
  };
  return {
    nominations,
    nominationFacts: nominations.map((n: ReviewedNomination) =>
      nominationFacts(n, byNomination.get(n.id) ?? []),
    ),
    experts: pool.map((e) =>
      expertFacts({ ...e, organisation: poolOrganisation(e) }, byExpert.get(e.expertId) ?? []),
    ),
    settings,
    dismissals,
  };
}

/**
 * Rewrites the campaign's conflicts and takes a newly recused expert off the nominations they were
 * assigned in rounds not yet closed (with their draft review): a submitted review stays, frozen, and the
 * assignment view shows the nomination short of a reviewer. Returns the pairs taken off.
 */
export async function recomputeConflicts(
  trx: Trx,
  campaignId: string,
  today: string,
  actor: Actor | null = null,
): Promise<{ nominationId: string; expertId: string; roundId: string }[]> {
  // One recomputation of a campaign at a time: two would each delete and insert the same pairs.
  const campaign = await trx
    .selectFrom('campaigns as c')
    .innerJoin('organisations as o', 'o.id', 'c.organiserId')
    .select('o.path')
    .where('c.id', '=', campaignId)
    .forUpdate('c')
    .executeTakeFirstOrThrow();
  const inputs = await conflictInputs(trx, campaignId, today);
  const checks = findConflicts(inputs.experts, inputs.nominationFacts, inputs.settings, inputs.dismissals);
  await trx.deleteFrom('reviewConflicts').where('campaignId', '=', campaignId).execute();
  for (let i = 0; i < checks.length; i += 1000) {
    await trx
      .insertInto('reviewConflicts')
      .values(
        checks.slice(i, i + 1000).map((c) => ({
          campaignId,
          nominationId: c.nominationId,
          expertId: c.expertId,
          conflicted: c.conflicted,
          reasons: JSON.stringify(c.reasons),
          dismissed: JSON.stringify(c.dismissed),
        })),
      )
      .execute();
  }
  const recused = await trx
    .selectFrom('reviewAssignments as a')
    .innerJoin('reviewRounds as r', 'r.id', 'a.roundId')
    .innerJoin('reviewConflicts as c', (join) =>
      join.onRef('c.nominationId', '=', 'a.nominationId').onRef('c.expertId', '=', 'a.expertId'),
    )
    .leftJoin('reviews as v', (join) =>
      join
        .onRef('v.roundId', '=', 'a.roundId')
        .onRef('v.nominationId', '=', 'a.nominationId')
        .onRef('v.expertId', '=', 'a.expertId'),
    )
    .select(['a.roundId', 'a.nominationId', 'a.expertId'])
    .where('r.campaignId', '=', campaignId)
    .where('r.state', '!=', 'closed')
    .where('c.conflicted', '=', true)
    .where((eb) => eb.or([eb('v.state', 'is', null), eb('v.state', '=', 'draft')]))
    .execute();
  for (const pair of recused) {
    for (const table of ['reviews', 'reviewAssignments'] as const)
      await trx
        .deleteFrom(table)
        .where('roundId', '=', pair.roundId)
        .where('nominationId', '=', pair.nominationId)
        .where('expertId', '=', pair.expertId)
        .execute();
  }
  if (recused.length > 0)
    await recordAudit(trx, actor, {
      action: 'review.assignments_recused',
      entityType: 'review_round',
      entityId: recused[0]!.roundId,
      scopePath: campaign.path,
      before: { assignments: recused },
    });
  return recused;
}
