/** A winner's unit, its round's organiser or its forwarding province records a publicity activity (五进). */

import type { ActivityInput } from '#core/activities/validate.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { activityRecordOf } from './check-input.ts';
import { winnerToRecordFor } from './winner-context.ts';

export async function recordActivity(
  db: Db,
  actor: Actor,
  nominationId: string,
  input: ActivityInput,
  now: Date,
): Promise<{ id: string }> {
  return db.transaction().execute(async (trx) => {
    const winner = await winnerToRecordFor(trx, actor, nominationId);
    const record = activityRecordOf(input, now);
    const { id } = await trx
      .insertInto('winnerActivities')
      .values({
        nominationId: winner.nominationId,
        campaignId: winner.campaignId,
        organiserPath: winner.organiserPath,
        unitId: winner.unitId,
        sourceUnitId: winner.sourceUnitId,
        provinceId: winner.provinceId,
        ...record,
        recordedBy: actor.accountId,
        recordedAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'activity.recorded',
      entityType: 'winner_activity',
      entityId: id,
      scopePath: winner.organiserPath,
      after: { nominationId: winner.nominationId, winner: winner.name, ...record },
    });
    return { id };
  });
}
