/** The approver's worklist: campaigns of its organisation and below between 公示 and 公布. */
import { CAMPAIGN_STATES } from '#core/campaign/states.ts';
import { approvalRefusal } from '#core/results/approval-preconditions.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { listVisibleCampaigns } from '../campaigns/service.ts';
import { approvalFactsOf } from './approval-facts.ts';
import { resultsRules } from './rules.ts';

export async function listApprovals(db: Db, actor: Actor) {
  const campaigns = (await listVisibleCampaigns(db, actor)).filter(
    (c) => c.status === 'announcing' && resultsRules.can(actor, 'viewApproval', c),
  );
  const items = await Promise.all(
    campaigns.map(async (c) => {
      const refusal = approvalRefusal((await approvalFactsOf(db, c)).facts);
      return {
        id: c.id,
        title: c.title,
        year: c.year,
        organiserName: c.organiserName,
        status: c.status,
        statusLabel: CAMPAIGN_STATES[c.status],
        approvalRefusal: refusal?.message ?? null,
        awaiting: refusal === null,
      };
    }),
  );
  // Those awaiting 审定 first.
  return { items: items.sort((a, b) => Number(b.awaiting) - Number(a.awaiting)) };
}
