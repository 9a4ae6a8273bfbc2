/**
 * Rewrites a campaign's materialised conflicts (review_conflicts) from core's findConflicts over its pool
 * and its reviewed nominations, so that every query can leave out what an expert must not see by a join.
 * Called in the transaction of whatever changes an input: the pool, declarations, exclusion requests,
 * dismissals; and before an automatic assignment and when a round opens (nominations may have changed).
 */
import type { ConflictSettings } from '#core/review/conflict-facts.ts';
import { findConflicts } from '#core/review/conflicts.ts';
import { reviewSettingsOf } from '#core/review/review-rules.ts';
import type { Trx } from '#server/platform/db/database.ts';
import { findCampaign } from '../campaigns/queries.ts';
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
export async function conflictInputs(trx: Trx, campaignId: string, today: string) {
  const campaign = (await findCampaign(trx, campaignId))!;
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

export async function recomputeConflicts(trx: Trx, campaignId: string, today: string): Promise<void> {
  // One recomputation of a campaign at a time: two would each delete and insert the same pairs.
  await trx.selectFrom('campaigns').select('id').where('id', '=', campaignId).forUpdate().execute();
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
}
