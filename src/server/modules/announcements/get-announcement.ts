import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { viewedAnnouncement } from './access.ts';
import { describeStoredPeriod } from './period.ts';
import { presentAnnouncement } from './presenter.ts';
import { type AnnouncementRow, listCorrections, listEntries, listShortlisted } from './queries.ts';
import { NO_SHORTLIST } from './sync-entries.ts';

export async function presentedAnnouncement(
  db: Db | Trx,
  actor: Actor,
  campaign: CampaignRow,
  row: AnnouncementRow,
  now: Date,
) {
  const [entries, corrections, period] = await Promise.all([
    listEntries(db, row.id),
    listCorrections(db, row.id),
    describeStoredPeriod(db, campaign.organiserId, row),
  ]);
  return presentAnnouncement(actor, campaign, row, { entries, corrections, period, now });
}

/** The campaign's announcement as the public will see it, or why it cannot be drafted yet. */
export async function getAnnouncement(db: Db, actor: Actor, campaignId: string, now: Date) {
  const { campaign, announcement } = await viewedAnnouncement(db, actor, campaignId);
  if (announcement)
    return {
      announcement: await presentedAnnouncement(db, actor, campaign, announcement, now),
      notReady: null,
    };
  const notReady =
    campaign.status !== 'reviewing'
      ? '活动进入评审、确认拟推介名单后，可以在这里发布公示。'
      : (await listShortlisted(db, campaign.id)).length === 0
        ? NO_SHORTLIST
        : null;
  return { announcement: null, notReady };
}
