/**
 * 退回: the approver sends the list back with a reason. The campaign stays 公示中 (the organiser corrects
 * the list or restarts the 公示); the decision is recorded and the organiser's admins are told.
 */
import { CAMPAIGN_STATES } from '#core/campaign/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { notify } from '../notifications/notify.ts';
import { organiserAdminsOf } from './queries.ts';
import { resultsRules } from './rules.ts';

export async function returnCampaign(
  { db, jobs, clock }: Pick<AppContext, 'db' | 'jobs' | 'clock'>,
  actor: Actor,
  campaignId: string,
  input: { reason: string },
) {
  const now = clock.now();
  const reason = input.reason.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', '请写明退回的原因，以便组织单位据此修改。');
  return db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaign(trx, actor, campaignId, true);
    resultsRules.authorize(actor, 'approve', campaign);
    if (campaign.status !== 'announcing')
      throw new AppError(
        'CAMPAIGN_NOT_READY',
        `本活动当前为「${CAMPAIGN_STATES[campaign.status]}」，只有公示中的拟推介名单可以退回。`,
      );
    const row = await trx
      .insertInto('campaignApprovals')
      .values({
        campaignId: campaign.id,
        decision: 'returned',
        reason,
        decidedBy: actor.accountId,
        decidedByName: actor.displayName,
        decidedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const told = await notify(
      trx,
      await organiserAdminsOf(trx, campaign.organiserId),
      {
        kind: 'approval_returned',
        title: `「${campaign.title}」拟推介名单被退回`,
        body: `审定人${actor.displayName}退回了拟推介名单，原因：${reason}`,
        link: `/campaigns/${campaign.id}?tab=results`,
        dedupeKey: `approval-returned:${row.id}`,
      },
      { jobs },
    );
    await recordAudit(trx, actor, {
      action: 'results.returned',
      entityType: 'campaign',
      entityId: campaign.id,
      scopePath: campaign.organiserPath,
      before: { status: campaign.status },
      after: { status: campaign.status, reason, approvalId: row.id },
    });
    return { notified: told };
  });
}
