/**
 * The sweep that tells experts of rounds closing within 24 hours, every ten minutes in every app process
 * (pg-boss runs each scheduled job once across them).
 */
import type { AppContext } from '#server/platform/context.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { remindRoundsClosing } from './closing-reminders.ts';

export async function registerRoundClosingWorker(context: AppContext): Promise<void> {
  await context.jobs.work(QUEUES.reviewRoundClosing, async () => {
    await remindRoundsClosing(context.db, context.clock.now());
  });
  await context.jobs.schedule(QUEUES.reviewRoundClosing, '*/10 * * * *');
}
