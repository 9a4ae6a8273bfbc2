import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { findMaterial } from './queries.ts';
import { authorizeMaterial, visibleMaterial } from './visible-material.ts';

/**
 * An organiser accepts one error finding of one file (e.g. a scanned ID photo at 200 dpi, the only one the
 * nominee has), with a reason; audited. A file whose every error is waived no longer blocks the submit.
 */
export async function waiveMaterialFinding(
  db: Db,
  actor: Actor,
  id: string,
  input: { code: string; reason: string },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const { material, nomination, subject } = await visibleMaterial(trx, actor, id, true);
    authorizeMaterial(actor, 'waive', subject);
    const finding = material.findings.find((f) => f.code === input.code && f.severity === 'error');
    if (!finding) {
      throw new AppError(
        'VALIDATION_FAILED',
        `文件“${material.fileName}”的检查结果中没有所选的问题，无需豁免；请刷新后查看最新检查结果。`,
      );
    }
    if (material.waivers.some((w) => w.code === input.code)) {
      throw new AppError('MATERIAL_ALREADY_WAIVED', `文件“${material.fileName}”的这项问题已经豁免过了。`);
    }
    const waiver = {
      code: input.code,
      reason: input.reason,
      by: actor.displayName,
      at: now.toISOString(),
    };
    await trx
      .updateTable('materials')
      .set({ waivers: JSON.stringify([...material.waivers, waiver]), updatedAt: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'material.waived',
      entityType: 'material',
      entityId: id,
      scopePath: nomination.unitPath,
      before: { finding },
      after: {
        nominationId: nomination.id,
        fileName: material.fileName,
        code: input.code,
        reason: input.reason,
      },
    });
    return { material: (await findMaterial(trx, id))!, subject };
  });
}
