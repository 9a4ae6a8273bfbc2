import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { workingPeriod } from '../calendar/service.ts';
import { visibleCampaign } from './service.ts';

/** The 公示 period starting on `from`, by this campaign's rules and its organiser's working calendar. */
export async function announcementPeriod(db: Db, actor: Actor, id: string, from: string) {
  const campaign = await visibleCampaign(db, actor, id);
  const { workingDays, startDay } = campaign.rules.announcement;
  const countStart = startDay === 'counts_if_working_day';
  const period = await workingPeriod(db, campaign.organiserId, from, workingDays, countStart);
  return { from, workingDays, countStart, end: period.end };
}
