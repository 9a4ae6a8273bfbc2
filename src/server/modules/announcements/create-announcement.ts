import { CAMPAIGN_STATES } from '#core/campaign/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { managedCampaign } from './access.ts';
import { defaultText } from './default-text.ts';
import { periodRules } from './period.ts';
import { lockAnnouncementOfCampaign } from './queries.ts';
import { syncEntries } from './sync-entries.ts';
import { insertAnnouncement } from './transition-announcement.ts';

/**
 * The organiser drafts the 公示 from the confirmed shortlist: a campaign under review with at least one
 * 拟推介 nomination, one announcement per campaign. Its text starts from the campaign's rules.
 */
export async function createAnnouncement(db: Db, actor: Actor, campaignId: string) {
  return db.transaction().execute(async (trx) => {
    const campaign = await managedCampaign(trx, actor, campaignId);
    if (campaign.status !== 'reviewing')
      throw new AppError(
        'CAMPAIGN_NOT_READY',
        `活动当前为「${CAMPAIGN_STATES[campaign.status]}」：只有评审中、已确认拟推介名单的活动可以发布公示。`,
      );
    if (await lockAnnouncementOfCampaign(trx, campaign.id))
      throw new AppError('CAMPAIGN_NOT_READY', '本活动已有公示，请在「公示」中修改或重新公示。');
    const row = await insertAnnouncement(trx, actor, campaign, {
      ...defaultText(campaign.rules),
      ...periodRules(campaign.rules),
    });
    await syncEntries(trx, row.id, campaign.id);
    return row;
  });
}
