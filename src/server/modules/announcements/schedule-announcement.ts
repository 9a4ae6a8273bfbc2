import { ANNOUNCEMENT_STATES } from '#core/announcement/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import { managedAnnouncement } from './access.ts';
import { computePeriod, periodRules } from './period.ts';
import { syncEntries } from './sync-entries.ts';
import { applyAnnouncementTransition } from './transition-announcement.ts';

/**
 * 确认发布: the organiser picks the start day; the end day is the campaign's count of working days on the
 * official calendar (refused for a year without calendar data, nothing stored). The list is taken from
 * the shortlist as it now stands and fixed from here on.
 */
export async function scheduleAnnouncement(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: { version: number; startDay: string },
  jobs: Jobs,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const { campaign, announcement } = await managedAnnouncement(trx, actor, campaignId, input.version);
    if (announcement.state !== 'draft')
      throw new AppError(
        'ANNOUNCEMENT_MOVE_NOT_ALLOWED',
        `公示当前为「${ANNOUNCEMENT_STATES[announcement.state]}」，已确认发布；如需改变公示期，请使用「重新公示」并填写原因。`,
      );
    const { workingDays, countStart } = periodRules(campaign.rules);
    const period = await computePeriod(trx, campaign.organiserId, input.startDay, workingDays, countStart);
    await syncEntries(trx, announcement.id, campaign.id);
    return applyAnnouncementTransition(trx, actor, announcement, campaign, {
      to: 'scheduled',
      period,
      now,
      jobs,
    });
  });
}

/** 撤回修改: back to a draft, to change the text or take the list again. */
export async function withdrawAnnouncement(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: { version: number },
  jobs: Jobs,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const { campaign, announcement } = await managedAnnouncement(trx, actor, campaignId, input.version);
    return applyAnnouncementTransition(trx, actor, announcement, campaign, { to: 'draft', now, jobs });
  });
}
