/**
 * 审定 for a browser test, whose server runs in another process: the move made the way the approval use
 * case makes it (the campaign's transition function, which selects the 拟推介名单 in the same transaction),
 * here by the platform (no session), on the test's own connection and job queue. A stand-in until the
 * approver's route exists (issue 13: approveCampaign); the status buttons no longer make this move.
 */
import { findCampaign } from '#server/modules/campaigns/queries.ts';
import {
  applyCampaignTransition,
  provideCampaignFollowUp,
} from '#server/modules/campaigns/transition-campaign.ts';
import { selectShortlist } from '#server/modules/nominations/select-shortlist.ts';
import { startJobs } from '#server/platform/jobs/jobs.ts';
import type { TestDatabase } from './database.ts';

export async function approveInDatabase(database: TestDatabase, campaignId: string, now = new Date()) {
  provideCampaignFollowUp('approved', selectShortlist);
  const jobs = await startJobs(database.url, { pollingIntervalSeconds: 0.5 });
  try {
    await database.db.transaction().execute(async (trx) => {
      await trx.selectFrom('campaigns').select('id').where('id', '=', campaignId).forUpdate().execute();
      const campaign = (await findCampaign(trx, campaignId))!;
      await applyCampaignTransition(trx, null, campaign, 'approved', jobs, now);
    });
  } finally {
    await jobs.stop();
  }
}
