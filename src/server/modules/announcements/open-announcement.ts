import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import { managedAnnouncement } from './access.ts';
import { applyAnnouncementTransition } from './transition-announcement.ts';

/** 开始公示 by the organiser on or after the start day (the tick does it otherwise); the campaign enters 公示中. */
export async function openAnnouncement(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: { version: number },
  jobs: Jobs,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const { campaign, announcement } = await managedAnnouncement(trx, actor, campaignId, input.version);
    return applyAnnouncementTransition(trx, actor, announcement, campaign, { to: 'open', now, jobs });
  });
}
