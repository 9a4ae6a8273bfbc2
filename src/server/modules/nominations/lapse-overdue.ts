/**
 * 逾期视为自动放弃 (both notices): at a unit's deadline, its drafts and returned nominations that were
 * never (re)submitted are withdrawn by the platform, each through the one transition function (audited
 * as 系统). Which deadline holds is decided when the job runs, not when it was planned: an extension
 * granted after the job was planned keeps the unit's work open, and core's table refuses the move before
 * the unit's own deadline anyway.
 */
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { campaignForJob } from '../campaigns/service.ts';
import { listOverdueWork, lockNomination } from './queries.ts';
import { applyNominationTransition } from './transition-nomination.ts';

export interface LapsedNomination {
  id: string;
  campaignId: string;
  unitId: string;
}

/**
 * Withdraws every overdue draft and returned nomination as of `now` (the job passes its run time; tests
 * pass any time), each in its own transaction so one refusal does not hold back the others. Returns
 * what it withdrew.
 */
export async function lapseOverdueNominations(
  db: Db,
  { now, campaignId }: { now: Date; campaignId?: string },
): Promise<LapsedNomination[]> {
  const lapsed: LapsedNomination[] = [];
  for (const candidate of await listOverdueWork(db, now, campaignId)) {
    try {
      const done = await db.transaction().execute(async (trx) => {
        const n = await lockNomination(trx, candidate.id);
        const campaign = await campaignForJob(trx, candidate.campaignId);
        if (!n || !campaign || (n.state !== 'draft' && n.state !== 'returned')) return false;
        await applyNominationTransition(trx, null, n, campaign, { to: 'withdrawn', now });
        return true;
      });
      if (done) lapsed.push(candidate);
    } catch (e) {
      // Submitted, extended or restored meanwhile: the guard said no, which is the answer.
      if (!(e instanceof AppError)) throw e;
    }
  }
  return lapsed;
}
