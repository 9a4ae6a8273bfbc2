/**
 * A 公示 of a campaign's 拟推介名单 as the organiser makes it, through the announcements service: drafted
 * from the shortlist (the campaign must be 评审中 with shortlisted nominations), scheduled from `startDay`
 * (default: the clock's today), opened by the organiser (the campaign goes to 公示中). `closed` needs a
 * manual clock: it is set to the day after the end day (00:10, Beijing) and the platform's tick closes it.
 */
import type { AnnouncementState } from '#core/announcement/states.ts';
import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { createAnnouncement } from '#server/modules/announcements/create-announcement.ts';
import { openAnnouncement } from '#server/modules/announcements/open-announcement.ts';
import { listEntries } from '#server/modules/announcements/queries.ts';
import { scheduleAnnouncement } from '#server/modules/announcements/schedule-announcement.ts';
import { runAnnouncementTick } from '#server/modules/announcements/tick.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { ManualClock } from '#server/platform/clock.ts';
import type { HasContext } from './accounts.ts';
import type { TestCampaign } from './campaigns.ts';

export interface TestAnnouncement {
  id: string;
  entries: { id: string; nominationId: string; name: string }[];
  startDay: string | null;
  endDay: string | null;
}

export function newAnnouncement(
  t: HasContext,
  campaign: TestCampaign,
  options: { state?: AnnouncementState; startDay?: string } = {},
): Promise<TestAnnouncement> {
  return announceAs(t, campaign.organiser.admin.actor, campaign.id, options);
}

/** newAnnouncement for a test that holds an organiser's actor (e.g. `sessionActor` of an HTTP session). */
export async function announceAs(
  t: HasContext,
  actor: Actor,
  campaignId: string,
  options: { state?: AnnouncementState; startDay?: string } = {},
): Promise<TestAnnouncement> {
  const { db, jobs, clock } = t.context;
  const campaign = { id: campaignId };
  const state = options.state ?? 'open';
  let row = await createAnnouncement(db, actor, campaign.id);
  if (state !== 'draft') {
    const startDay = options.startDay ?? todayInShanghai(clock.now());
    row = await scheduleAnnouncement(
      db,
      actor,
      campaign.id,
      { version: row.version, startDay },
      jobs,
      clock.now(),
    );
  }
  if (state === 'open' || state === 'closed')
    row = await openAnnouncement(db, actor, campaign.id, { version: row.version }, jobs, clock.now());
  if (state === 'closed') await endAnnouncementPeriod(t, row);
  const entries = await listEntries(db, row.id);
  return {
    id: row.id,
    entries: entries.map((e) => ({ id: e.id, nominationId: e.nominationId, name: e.name })),
    startDay: row.startDay,
    endDay: row.endDay,
  };
}

/**
 * 公示期满: the manual clock set to the day after the end day (00:10, Beijing) and the platform's tick run,
 * which closes the announcement as it would on that night.
 */
export async function endAnnouncementPeriod(
  t: HasContext,
  announcement: { id: string; endDay: string | null },
) {
  const { clock } = t.context;
  if (!('set' in clock))
    throw new Error('ending a 公示 period needs createTestApp({ clock: manualClock() })');
  (clock as ManualClock).set(`${addDays(announcement.endDay!, 1)}T00:10:00+08:00`);
  const tick = await runAnnouncementTick(t.context, clock.now());
  if (!tick.closed.includes(announcement.id))
    throw new Error(`the tick did not close the 公示: ${JSON.stringify(tick.refused)}`);
}
