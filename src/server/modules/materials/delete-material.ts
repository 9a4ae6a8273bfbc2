import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Storage } from '../../platform/storage/storage.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { assertBeforeDeadline } from '../nominations/deadline.ts';
import { type MaterialRow, materialFamily } from './queries.ts';
import { authorizeMaterial, visibleMaterial } from './visible-material.ts';

/** Removes a row's stored bytes: the tus upload (file and its info) or the server-made copy, and the preview. */
export async function removeStoredMaterial(
  storage: Storage,
  m: Pick<MaterialRow, 'uploadId' | 'storageKey' | 'previewKey'>,
) {
  if (m.uploadId)
    await storage
      .tusStore()
      .remove(m.uploadId)
      .catch(() => undefined);
  await storage.remove(m.storageKey);
  if (m.previewKey) await storage.remove(m.previewKey);
}

/**
 * Deletes a file (and the copies converted from it) while the nomination is editable. The rows go in one
 * transaction with the audit row; the bytes are removed after it commits, so a failed commit never leaves a
 * row pointing at nothing.
 */
export async function deleteMaterial(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  id: string,
) {
  const removed = await db.transaction().execute(async (trx) => {
    const { material, nomination, subject } = await visibleMaterial(trx, actor, id, true);
    authorizeMaterial(actor, 'delete', subject);
    const campaign = await visibleCampaign(trx, actor, nomination.campaignId);
    await assertBeforeDeadline(trx, campaign, nomination.unitId);
    const family = await materialFamily(trx, id);
    // Deleting the chosen copy hands the choice back to its original.
    if (material.convertedFrom && material.chosen) {
      await trx
        .updateTable('materials')
        .set({ chosen: true, updatedAt: new Date() })
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
  for (const m of removed) await removeStoredMaterial(storage, m);
}
