/**
 * The platform's moves of 公示 on their days (Beijing time): a scheduled announcement opens on its start
 * day (the campaign enters 公示中 with it), an open one closes once its end day has passed. One transaction
 * per announcement, so one that cannot move (its campaign moved back meanwhile) leaves the others be.
 */
import { dueAnnouncementMove } from '#core/announcement/period.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError } from '#server/platform/errors.ts';
import { campaignForJob } from '../campaigns/service.ts';
import { listMovable, lockAnnouncement } from './queries.ts';
import { applyAnnouncementTransition } from './transition-announcement.ts';

export interface TickResult {
  opened: string[];
  closed: string[];
  /** Announcements due to move that could not, with the reason (logged, tried again next tick). */
  refused: { id: string; message: string }[];
}

export async function runAnnouncementTick(
  context: Pick<AppContext, 'db' | 'jobs' | 'publicPages'>,
  now: Date,
): Promise<TickResult> {
  const { db, jobs } = context;
  const today = todayInShanghai(now);
  const result: TickResult = { opened: [], closed: [], refused: [] };
  for (const candidate of await listMovable(db)) {
    if (!dueAnnouncementMove(candidate.state, today, candidate.startDay, candidate.endDay)) continue;
    try {
      const moved = await db.transaction().execute(async (trx) => {
        const campaign = await trx
          .selectFrom('campaigns')
          .select('id')
          .where('id', '=', candidate.campaignId)
          .forUpdate()
          .executeTakeFirst();
        const announcement = await lockAnnouncement(trx, candidate.id);
        if (!campaign || !announcement) return null;
        const to = dueAnnouncementMove(announcement.state, today, announcement.startDay, announcement.endDay);
        if (!to) return null;
        const row = (await campaignForJob(trx, campaign.id))!;
        await applyAnnouncementTransition(trx, null, announcement, row, { to, now, jobs });
        return to;
      });
      if (moved === 'open') result.opened.push(candidate.id);
      if (moved === 'closed') result.closed.push(candidate.id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.refused.push({ id: candidate.id, message: error.message });
    }
  }
  if (result.opened.length + result.closed.length > 0) await context.publicPages.changed();
  return result;
}
