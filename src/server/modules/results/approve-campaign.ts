/**
 * 审定通过: the approver approves the final list. In one transaction: the campaign moves 公示中 → 已审定
 * through the one campaign transition (whose follow-up makes every 拟推介 nomination 入选), the decision is
 * recorded, audited. Refused (objections open, period not over, not an approver), nothing is stored.
 */
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { applyCampaignTransition } from '../campaigns/transition-campaign.ts';
import { approvalFactsOf, assertApprovable } from './approval-facts.ts';
import { winnersOf } from './queries.ts';
import { resultsRules } from './rules.ts';

export async function approveCampaign(
  { db, jobs, clock }: Pick<AppContext, 'db' | 'jobs' | 'clock'>,
  actor: Actor,
  campaignId: string,
  input: { comment?: string | null },
) {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaign(trx, actor, campaignId, true);
    resultsRules.authorize(actor, 'approve', campaign);
    const { facts, objections } = await approvalFactsOf(trx, campaign);
    assertApprovable(facts);
    const shortlisted = await winnersOf(trx, campaign.id, ['shortlisted']);
    await applyCampaignTransition(trx, actor, campaign, 'approved', jobs, now);
    const selected = await winnersOf(trx, campaign.id, ['selected']);
    const comment = input.comment?.trim() ?? '';
    const row = await trx
      .insertInto('campaignApprovals')
      .values({
        campaignId: campaign.id,
        decision: 'approved',
        reason: comment,
        decidedBy: actor.accountId,
        decidedByName: actor.displayName,
        decidedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'results.approved',
      entityType: 'campaign',
      entityId: campaign.id,
      scopePath: campaign.organiserPath,
      before: { status: campaign.status, shortlisted: shortlisted.length },
      after: {
        status: 'approved',
        selected: selected.length,
        objections: objections.total,
        upheld: objections.upheld,
        comment,
        approvalId: row.id,
      },
    });
    return { selected: selected.length };
  });
}
