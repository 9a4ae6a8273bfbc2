/**
 * The unit's deadline as the server applies it: the context core's moves.ts judges a move in (the
 * campaign's state and the unit's deadline, its extension included, at `now`), and the plain refusal
 * of anything a unit does after its deadline (逾期视为自动放弃).
 */
import {
  type ActorKind,
  deadlinePassedMessage,
  isPastUnitDeadline,
  type MoveContext,
} from '#core/nomination/index.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { unitDeadline } from '../campaigns/service.ts';

/** The context for one nomination's moves at `now`: the request's time or the job's, from the app's clock. */
export async function moveContext(
  db: Db | Trx,
  campaign: Pick<CampaignRow, 'id' | 'deadlineAt' | 'status' | 'rules'>,
  unitId: string,
  actor: ActorKind,
  now: Date,
): Promise<MoveContext> {
  return {
    actor,
    campaignState: campaign.status,
    deadline: await unitDeadline(db, campaign, unitId),
    now: now.getTime(),
    lateCountsAsWithdrawn: campaign.rules.submission.lateCountsAsWithdrawn,
  };
}

/** Refuses anything a unit does after its deadline, in the words core uses for the moves. */
export async function assertBeforeDeadline(
  db: Db | Trx,
  campaign: Pick<CampaignRow, 'id' | 'deadlineAt'>,
  unitId: string,
  now: Date,
) {
  const deadline = await unitDeadline(db, campaign, unitId);
  if (isPastUnitDeadline(deadline, now.getTime())) {
    throw new AppError('DEADLINE_PASSED', deadlinePassedMessage(deadline));
  }
}
