/** The campaign whose review an organiser manages, found and authorised the way every setup use case starts. */
import { reviewSettingsOf } from '#core/review/review-rules.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { reviewSetupRules } from './pool-rules.ts';

/** A campaign the actor cannot see does not exist for them (404); one they see but do not organise is 403. */
export async function managedCampaign(
  db: Db | Trx,
  actor: Actor,
  campaignId: string,
  lock = false,
): Promise<CampaignRow> {
  const campaign = await visibleCampaign(db, actor, campaignId, lock);
  if (!reviewSetupRules.can(actor, 'manage', { organiserPath: campaign.organiserPath, inPool: false }))
    throw forbidden('专家评审由组织单位管理员安排');
  return campaign;
}

export const settingsOf = (campaign: CampaignRow) => reviewSettingsOf(campaign.rules);

/** The pool and its recusal change until 公示 starts: afterwards the shortlist rests on them as they were. */
export function assertSetupOpen(campaign: CampaignRow): void {
  if (!['draft', 'open', 'reviewing'].includes(campaign.status))
    throw new AppError('REVIEW_SETUP_CLOSED', '活动已进入公示或审定，专家库和回避情况不能再修改');
}
