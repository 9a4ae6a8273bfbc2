import {
  CAMPAIGN_STATES,
  type CampaignState,
  findTransition,
  transitionsFrom,
} from '#core/campaign/states.ts';
import { validateCampaignRules } from '#core/campaign/validate.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import { recordAudit } from '../audit/service.ts';
import { planDeadlineRuns } from './deadline-jobs.ts';
import { findCampaign, listExtensions } from './queries.ts';
import { campaignRules } from './rules.ts';
import { touchCampaign, visibleCampaign } from './service.ts';

/** 「活动当前为「筹备中」，不能改为「已公布」；当前可以：「开放报送」」: states by their Chinese names. */
export function transitionRefusal(from: CampaignState, to: CampaignState): string {
  const moves = transitionsFrom(from).map((t) => `「${t.label}」`);
  const now = moves.length > 0 ? `；当前可以：${moves.join('、')}` : '';
  return `活动当前为「${CAMPAIGN_STATES[from]}」，不能改为「${CAMPAIGN_STATES[to]}」${now}`;
}

/** The one function that changes a campaign's status: guard, write, audit, in one transaction. */
export async function transitionCampaign(
  db: Db,
  actor: Actor,
  id: string,
  to: CampaignState,
  jobs: Jobs,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaign(trx, actor, id, true);
    campaignRules.authorize(actor, 'transition', campaign);
    const from = campaign.status;
    const transition = findTransition(from, to);
    if (!transition) throw new AppError('CAMPAIGN_MOVE_NOT_ALLOWED', transitionRefusal(from, to));
    if (to === 'open') {
      const errors = validateCampaignRules(campaign.rules).filter((f) => f.severity === 'error');
      if (errors.length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          `活动规则还有 ${errors.length} 处错误，修改后才能开放报送：${errors.map((f) => f.message).join('；')}`,
          { findings: errors },
        );
      }
    }
    await touchCampaign(trx, id, { status: to }, now);
    if (to === 'open') {
      // Units' drafts lapse at their deadlines (逾期视为自动放弃): the campaign's and each extension's.
      const extensions = await listExtensions(trx, id);
      await planDeadlineRuns(trx, jobs, id, [campaign.deadlineAt, ...extensions.map((e) => e.until)]);
    }
    await recordAudit(trx, actor, {
      action: 'campaign.transitioned',
      entityType: 'campaign',
      entityId: id,
      scopePath: campaign.organiserPath,
      before: { status: from },
      after: { status: to, label: transition.label },
    });
    return (await findCampaign(trx, id))!;
  });
}
