/**
 * A unit corrects or removes its 公示 record. The version it read must still be the stored one: a stale
 * save is refused, never silently overwritten. Removed bytes leave the storage once the change is committed.
 */
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { staleVersion } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { unitFacts } from './coverage-facts.ts';
import { editablePublicity } from './publicity-context.ts';
import { type PublicityRow, unitNominations } from './queries.ts';
import { checkPublicityInput, type PublicityInput } from './validate-input.ts';

const kept = (row: PublicityRow) => ({
  place: row.place,
  url: row.url,
  fromDay: row.fromDay,
  toDay: row.toDay,
  nominationIds: row.nominationIds,
  published: row.published,
  fileName: row.fileName,
});

export async function updateUnitPublicity(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  id: string,
  input: PublicityInput & { version: number; removeFile: boolean },
) {
  let campaignId = '';
  const { removed, published } = await db.transaction().execute(async (trx) => {
    const { row, campaign } = await editablePublicity(trx, actor, id, true);
    if (row.version !== input.version) throw staleVersion();
    campaignId = campaign.id;
    const [facts, nominations] = await Promise.all([
      unitFacts(trx, campaign, row.unitId),
      unitNominations(trx, campaign.id, row.unitId),
    ]);
    const record = checkPublicityInput(input, facts, nominations);
    const file = input.removeFile ? { storageKey: null, fileName: null, contentType: null, bytes: null } : {};
    await trx
      .updateTable('unitPublicities')
      .set({ ...record, ...file, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'publicity.updated',
      entityType: 'unit_publicity',
      entityId: id,
      scopePath: actor.organisationPath,
      before: kept(row),
      after: { ...record, fileName: input.removeFile ? null : row.fileName },
    });
    return {
      removed: input.removeFile ? row.storageKey : null,
      published: row.published || record.published,
    };
  });
  if (removed) await storage.remove(removed).catch(() => undefined);
  return { published, campaignId };
}

export async function deleteUnitPublicity(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  id: string,
  version: number,
) {
  const row = await db.transaction().execute(async (trx) => {
    const { row } = await editablePublicity(trx, actor, id, true);
    if (row.version !== version) throw staleVersion();
    await trx.deleteFrom('unitPublicities').where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'publicity.deleted',
      entityType: 'unit_publicity',
      entityId: id,
      scopePath: actor.organisationPath,
      before: kept(row),
    });
    return row;
  });
  if (row.storageKey) await storage.remove(row.storageKey).catch(() => undefined);
  return { published: row.published };
}
