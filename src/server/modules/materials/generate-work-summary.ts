/**
 * The project's 工作总结 is asked for once, as the document in its material slot. A unit that wrote the
 * summary on the page instead turns that text into the document here: a Word file stored like an upload,
 * then probed and judged by the same check job, so it counts exactly as an uploaded one would.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { findNominationSlot, slotDisplayName } from '#core/materials/nomination-slots.ts';
import { editRefusal } from '#core/nomination/moves.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError } from '#server/platform/errors.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { moveContext } from '../nominations/deadline.ts';
import { visibleNomination } from '../nominations/service.ts';
import { countSlotOriginals, findMaterial } from './queries.ts';
import { subjectOf } from './rules.ts';
import { createMaterial } from './transition-material.ts';
import { authorizeMaterial } from './visible-material.ts';
import { workSummaryDocx, workSummaryFileName } from './work-summary-document.ts';

const SET_KEY = 'project';
const SLOT_ID = 'workSummary';

export async function generateWorkSummary(context: AppContext, actor: Actor, nominationId: string) {
  const { db, storage, jobs } = context;
  // Read and render outside the transaction: the lock below re-checks everything before the row is written.
  const draft = await visibleNomination(db, actor, nominationId);
  authorizeMaterial(actor, 'upload', subjectOf(draft));
  const text = typeof draft.form.workSummary === 'string' ? draft.form.workSummary.trim() : '';
  if (draft.category !== 'project') {
    throw new AppError('VALIDATION_FAILED', '只有终身学习品牌项目需要工作总结。');
  }
  if (text === '') {
    throw new AppError('VALIDATION_FAILED', '请先在“工作总结”中填写内容，再生成文档。');
  }
  const name = typeof draft.form.name === 'string' ? draft.form.name.trim() : '';
  const body = await workSummaryDocx({ programme: name, unitName: draft.unitName, text });
  const storageKey = `materials/generated/${randomUUID()}.docx`;
  const stored = await storage.write(storageKey, Readable.from([body]));
  try {
    return await db.transaction().execute(async (trx) => {
      const n = await visibleNomination(trx, actor, nominationId, true);
      const campaign = await visibleCampaign(trx, actor, n.campaignId);
      const open = editRefusal(
        n.state,
        await moveContext(trx, campaign, n.unitId, 'unit', context.clock.now()),
      );
      authorizeMaterial(actor, 'upload', { ...subjectOf(n), open: open === undefined });
      if (open) throw new AppError(open.code, open.message);
      if (n.version !== draft.version) {
        throw new AppError('STALE_VERSION', '工作总结刚被修改，请等保存完成后再生成文档。');
      }
      const slot = findNominationSlot(
        campaign.rules.materials,
        { category: 'project', special: n.special },
        SET_KEY,
        SLOT_ID,
      );
      if (!slot)
        throw new AppError('WORK_SUMMARY_NOT_IN_RULES', '本活动的材料要求中没有“工作总结”，无需生成。');
      if ((await countSlotOriginals(trx, n.id, SET_KEY, SLOT_ID)) >= slot.count.max) {
        throw new AppError(
          'SLOT_FULL',
          `${slotDisplayName(SET_KEY, slot)}已有文件，请先删除已上传的文档，再生成新的工作总结。`,
        );
      }
      const fileName = workSummaryFileName(name);
      const id = await createMaterial(trx, jobs, {
        origin: 'generated',
        values: {
          nominationId: n.id,
          setKey: SET_KEY,
          slotId: SLOT_ID,
          storageKey,
          fileName,
          bytes: stored.bytes,
          sha256: stored.sha256,
          uploadedBy: actor.accountId,
        },
        audit: {
          actor,
          action: 'material.generated',
          scopePath: n.unitPath,
          after: {
            nominationId: n.id,
            setKey: SET_KEY,
            slotId: SLOT_ID,
            slotLabel: slot.label,
            fileName,
            bytes: stored.bytes,
            sha256: stored.sha256,
          },
        },
      });
      return { material: (await findMaterial(trx, id))!, subject: subjectOf(n) };
    });
  } catch (e) {
    // Nothing half-made remains: the bytes go when the row was refused.
    await storage.remove(storageKey).catch(() => undefined);
    throw e;
  }
}
