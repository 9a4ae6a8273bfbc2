import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { assertBeforeDeadline } from '../nominations/deadline.ts';
import { materialFamily } from './queries.ts';
import { releaseStoredObjects } from './stored-objects.ts';
import { authorizeMaterial, visibleMaterial } from './visible-material.ts';

/**
 * Deletes a file (and the copies converted from it) while the nomination is editable. The rows go in one
 * transaction with the audit row; the bytes are removed after it commits, so a failed commit never leaves a
 * row pointing at nothing, and only when no other row (a forwarded copy, its source) shares them.
 */
export async function deleteMaterial(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  id: string,
  now: Date,
) {
  const removed = await db.transaction().execute(async (trx) => {
    const { material, nomination, subject } = await visibleMaterial(trx, actor, id, true);
    authorizeMaterial(actor, 'delete', subject);
    const campaign = await visibleCampaign(trx, actor, nomination.campaignId);
    await assertBeforeDeadline(trx, campaign, nomination.unitId, now);
    const family = await materialFamily(trx, id);
    // Deleting the chosen copy hands the choice back to its original.
    if (material.convertedFrom && material.chosen) {
      await trx
        .updateTable('materials')
        .set({ chosen: true, updatedAt: now })
        .where('id', '=', material.convertedFrom)
        .execute();
    }
    await trx.deleteFrom('materials').where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'material.deleted',
      entityType: 'material',
      entityId: id,
      scopePath: nomination.unitPath,
      before: {
        nominationId: nomination.id,
        setKey: material.setKey,
        slotId: material.slotId,
        fileName: material.fileName,
        bytes: Number(material.bytes),
        sha256: material.sha256,
        copies: family.length - 1,
      },
    });
    return family;
  });
  await releaseStoredObjects({ db, storage }, removed);
}
