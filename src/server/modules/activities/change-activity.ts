/**
 * The recorder or the organiser corrects or deletes an activity, with the version read (a stale save is
 * refused), audited with what it was. A deleted activity's photos go with it, from the storage too.
 */
import type { ActivityInput } from '#core/activities/validate.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { staleVersion } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { activityRecordOf } from './check-input.ts';
import type { ActivityRow } from './queries.ts';
import { changeableActivity } from './winner-context.ts';

const recordOf = (r: ActivityRow) => ({
  kind: r.kind,
  form: r.form,
  occurredOn: r.occurredOn,
  place: r.place,
  host: r.host,
  audience: r.audience,
  report: r.report,
});

export async function updateActivity(
  { db }: Pick<AppContext, 'db'>,
  actor: Actor,
  id: string,
  input: ActivityInput & { version: number },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const { row } = await changeableActivity(trx, actor, id, true);
    if (row.version !== input.version) throw staleVersion();
    const record = activityRecordOf(input, now);
    await trx
      .updateTable('winnerActivities')
      .set({ ...record, updatedAt: now, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'activity.updated',
      entityType: 'winner_activity',
      entityId: id,
      scopePath: row.organiserPath,
      before: recordOf(row),
      after: record,
    });
  });
}

export async function deleteActivity(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  id: string,
  version: number,
) {
  const keys = await db.transaction().execute(async (trx) => {
    const { row } = await changeableActivity(trx, actor, id, true);
    if (row.version !== version) throw staleVersion();
    const photos = await trx
      .deleteFrom('winnerActivityPhotos')
      .where('activityId', '=', id)
      .returning(['storageKey', 'publicKey', 'fileName'])
      .execute();
    await trx.deleteFrom('winnerActivities').where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'activity.deleted',
      entityType: 'winner_activity',
      entityId: id,
      scopePath: row.organiserPath,
      before: { ...recordOf(row), photos: photos.map((p) => p.fileName) },
    });
    return photos.flatMap((p) => [p.storageKey, p.publicKey]);
  });
  // Once committed: a failed removal leaves an unreferenced file, never a record without its file.
  await Promise.all(keys.map((k) => storage.remove(k).catch(() => undefined)));
}
