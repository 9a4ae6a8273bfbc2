/**
 * The 公示 tick every five minutes in every app process (pg-boss runs each scheduled job once across them):
 * announcements open and close within minutes of Beijing midnight.
 */
import type { AppContext } from '#server/platform/context.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { runAnnouncementTick } from './tick.ts';

export async function registerAnnouncementTick(context: AppContext): Promise<void> {
  await context.jobs.work(QUEUES.announcementTick, async () => {
    await runAnnouncementTick(context, context.clock.now());
  });
  await context.jobs.schedule(QUEUES.announcementTick, '*/5 * * * *');
}
