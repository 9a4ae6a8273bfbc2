/**
 * The deadline job runs inside every app process: planned runs at each deadline (campaigns/deadline-jobs.ts)
 * and a sweep every ten minutes over every campaign, which catches deadlines no run was planned for
 * (campaigns opened before this job existed, the demo's campaigns, a server that was down at the time).
 */
import type { AppContext } from '#server/platform/context.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { lapseOverdueNominations } from './lapse-overdue.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function registerNominationWorkers(context: AppContext): Promise<void> {
  await context.jobs.work<{ campaignId?: unknown }>(QUEUES.nominationDeadline, async (data) => {
    const campaignId =
      typeof data.campaignId === 'string' && UUID.test(data.campaignId) ? data.campaignId : undefined;
    const lapsed = await lapseOverdueNominations(context.db, { now: context.clock.now(), campaignId });
    if (lapsed.length > 0) console.info(`已按逾期未提交处理 ${lapsed.length} 项推介（视为自动放弃）。`);
  });
  await context.jobs.schedule(QUEUES.nominationDeadline, '*/10 * * * *');
}
