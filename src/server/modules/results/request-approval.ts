/**
 * 提请审定: once the 公示 has ended with every objection settled, the organiser asks the approvers
 * (审定人 of its own organisation or above) to approve; they are told in the bell, once per request.
 */
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { notify } from '../notifications/notify.ts';
import { approvalFactsOf, assertApprovable } from './approval-facts.ts';
import { approvalsOf, approversOf, winnersOf } from './queries.ts';
import { resultsRules } from './rules.ts';

export async function requestApproval(
  { db, jobs }: Pick<AppContext, 'db' | 'jobs'>,
  actor: Actor,
  campaignId: string,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaign(trx, actor, campaignId, true);
    resultsRules.authorize(actor, 'requestApproval', campaign);
    const { facts } = await approvalFactsOf(trx, campaign);
    assertApprovable(facts);
    const approvers = await approversOf(trx, campaign.organiserPath);
    if (approvers.length === 0)
      throw new AppError('VALIDATION_FAILED', '本单位及上级单位还没有审定人账号，请先为审定人开设账号。');
    const shortlisted = (await winnersOf(trx, campaign.id, ['shortlisted'])).length;
    // A new request after each 退回; asking twice in between tells nobody twice.
    const round = (await approvalsOf(trx, campaign.id)).length;
    const notified = await notify(
      trx,
      approvers,
      {
        kind: 'approval_requested',
        title: `「${campaign.title}」拟推介名单待审定`,
        body: `公示已结束，异议均已办结，拟推介${shortlisted}项，请审定。`,
        link: '/approvals',
        dedupeKey: `approval-requested:${campaign.id}:${round}`,
      },
      { jobs },
    );
    await recordAudit(trx, actor, {
      action: 'results.approval_requested',
      entityType: 'campaign',
      entityId: campaign.id,
      scopePath: campaign.organiserPath,
      after: { shortlisted, approvers: approvers.length, notified },
    });
    return { approvers: approvers.length, notified };
  });
}
