/** The campaign whose review an organiser manages, found and authorised the way every setup use case starts. */
import { reviewSettingsOf } from '#core/review/review-rules.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { forbidden } from '#server/platform/errors.ts';
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
