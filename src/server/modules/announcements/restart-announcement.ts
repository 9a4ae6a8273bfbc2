import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import { managedAnnouncement } from './access.ts';
import { computePeriod } from './period.ts';
import { applyAnnouncementTransition } from './transition-announcement.ts';

/**
 * 重新公示: the organiser's choice after the list changed, with the reason (shown on the page as a dated
 * correction) and a new start day; the period is counted again from it.
 */
export async function restartAnnouncement(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: { version: number; startDay: string; reason: string },
  jobs: Jobs,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const { campaign, announcement } = await managedAnnouncement(trx, actor, campaignId, input.version);
    const period = await computePeriod(
      trx,
      campaign.organiserId,
      input.startDay,
      announcement.workingDays,
      announcement.countStart,
    );
    return applyAnnouncementTransition(trx, actor, announcement, campaign, {
      to: 'scheduled',
      period,
      reason: input.reason,
      now,
      jobs,
    });
  });
}
