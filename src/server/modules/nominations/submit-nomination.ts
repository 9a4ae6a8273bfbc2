import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { visibleNomination } from './service.ts';
import { nominationFindings } from './submission-checks.ts';
import { applyNominationTransition } from './transition-nomination.ts';

/**
 * Submits (or resubmits after a return): the checks, the quota under its lock and the frozen snapshot
 * all happen in one transaction, so what was checked is exactly what is stored.
 */
export async function submitNomination(db: Db, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const n = await visibleNomination(trx, actor, id, true);
    const campaign = await visibleCampaign(trx, actor, n.campaignId);
    const submissionFindings = await nominationFindings(trx, n, campaign);
    const to = 'submitted';
    return applyNominationTransition(trx, actor, n, campaign, { to, submissionFindings });
  });
}
