/**
 * Plans the run of 逾期视为自动放弃 at each deadline that holds in a campaign: the campaign's own and each
 * unit's extension. Planned in the transaction that sets the deadline, so it exists exactly when the
 * change commits. A run decides at its own time which deadlines have passed, so a plan made stale by a
 * later extension or a moved deadline does no harm; the nominations module does the work.
 */
import type { Trx } from '#server/platform/db/database.ts';
import { type Jobs, QUEUES } from '#server/platform/jobs/jobs.ts';

export async function planDeadlineRuns(
  trx: Trx,
  jobs: Jobs,
  campaignId: string,
  deadlines: readonly (Date | string | null)[],
): Promise<void> {
  const planned = new Set<number>();
  for (const deadline of deadlines) {
    if (deadline === null) continue;
    const at = new Date(deadline);
    if (planned.has(at.getTime())) continue;
    planned.add(at.getTime());
    // Just after the deadline: the deadline itself still belongs to the unit.
    const startAfter = new Date(at.getTime() + 1000);
    await jobs.send(
      QUEUES.nominationDeadline,
      { campaignId },
      { trx, startAfter, singletonKey: `${campaignId}@${startAfter.toISOString()}` },
    );
  }
}
