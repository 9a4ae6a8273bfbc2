import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { assertBeforeDeadline } from '../nominations/deadline.ts';
import { findMaterial } from './queries.ts';
import { authorizeMaterial, visibleMaterial } from './visible-material.ts';

/**
 * Of an original and the copies converted from it, exactly one is submitted: choosing one un-chooses the
 * others of its family. A file without a family is simply chosen.
 */
export async function chooseMaterial(db: Db, actor: Actor, id: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const { material, nomination, subject } = await visibleMaterial(trx, actor, id, true);
    authorizeMaterial(actor, 'choose', subject);
    const campaign = await visibleCampaign(trx, actor, nomination.campaignId);
    await assertBeforeDeadline(trx, campaign, nomination.unitId, now);
    await chooseInFamily(trx, material, now);
    if (!material.chosen) {
      await recordAudit(trx, actor, {
        action: 'material.chosen',
        entityType: 'material',
        entityId: id,
        scopePath: nomination.unitPath,
        after: {
          nominationId: nomination.id,
          fileName: material.fileName,
          convertedFrom: material.convertedFrom,
        },
      });
    }
    return { material: (await findMaterial(trx, id))!, subject };
  });
}

/** Chooses one file of its family (its original and the copies converted from it), un-choosing the rest. */
export async function chooseInFamily(
  trx: Trx,
  material: { id: string; convertedFrom: string | null },
  now: Date,
) {
  const original = material.convertedFrom ?? material.id;
  await trx
    .updateTable('materials')
    .set({ chosen: false, updatedAt: now })
    .where((eb) => eb.or([eb('id', '=', original), eb('convertedFrom', '=', original)]))
    .where('id', '!=', material.id)
    .execute();
  await trx
    .updateTable('materials')
    .set({ chosen: true, updatedAt: now })
    .where('id', '=', material.id)
    .execute();
}
