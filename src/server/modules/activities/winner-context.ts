/** The published winner and the activity a request is about, refused the way each caller should hear it. */

import {
  type ActivityWinner,
  changeRefusal,
  mayChangeActivity,
  mayRecordActivity,
  mayViewActivities,
  recordRefusal,
} from '#core/activities/who-records.ts';
import { isAdmin } from '#core/campaign/organiser-scope.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { forbidden, notFound } from '#server/platform/errors.ts';
import { findActivity, findPublishedWinner, type WinnerRow } from './queries.ts';

const WINNER = '已公布的推介对象';
const ACTIVITY = '宣传活动记录';

export const subjectOf = (
  w: Pick<WinnerRow, 'unitId' | 'sourceUnitId' | 'organiserPath'>,
): ActivityWinner => ({
  unitIds: w.sourceUnitId ? [w.unitId, w.sourceUnitId] : [w.unitId],
  organiserPath: w.organiserPath,
});

export const readerOf = (actor: Actor) => ({
  organisationId: actor.organisationId,
  organisationPath: actor.organisationPath,
  admin: isAdmin(actor),
});

/**
 * A published winner the actor records an activity for. The list of winners is public once published,
 * so a province asking for another province's winner hears why it may not (403), not that it is absent.
 */
export async function winnerToRecordFor(db: Db | Trx, actor: Actor, nominationId: string) {
  const winner = await findPublishedWinner(db, nominationId);
  if (!winner) throw notFound(WINNER);
  const subject = subjectOf(winner);
  if (!mayRecordActivity(actor, subject)) throw forbidden(recordRefusal(actor, subject));
  return winner;
}

export async function winnerToView(db: Db | Trx, actor: Actor, nominationId: string) {
  const winner = await findPublishedWinner(db, nominationId);
  if (!winner || !mayViewActivities(actor, subjectOf(winner))) throw notFound(WINNER);
  return winner;
}

/** An activity the actor may see, with its winner; another province's does not exist for them. */
export async function visibleActivity(db: Db | Trx, actor: Actor, id: string, lock = false) {
  const row = await findActivity(db, id, lock);
  if (!row) throw notFound(ACTIVITY);
  const winner = await findPublishedWinner(db, row.nominationId);
  if (!winner || !mayViewActivities(actor, subjectOf(winner))) throw notFound(ACTIVITY);
  return { row, winner };
}

/** An activity the actor may change: its recorder (while still of the winner's unit) or the organiser. */
export async function changeableActivity(db: Db | Trx, actor: Actor, id: string, lock = false) {
  const found = await visibleActivity(db, actor, id, lock);
  const subject = subjectOf(found.winner);
  if (!mayChangeActivity(actor, subject, found.row)) throw forbidden(changeRefusal(actor, subject));
  return found;
}
