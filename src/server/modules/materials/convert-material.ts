/**
 * A unit asks for a converted copy of a video that failed its check (or the check starts one itself,
 * see after-check.ts). The copy is a new row of the same slot (`converting`, not chosen) pointing at
 * the original, which stays as it was; the conversion job is sent in the same transaction as the row
 * and its audit entry.
 */
import { randomUUID } from 'node:crypto';
import type { MaterialSetKey } from '#core/materials/nomination-slots.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import type { Trx } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import { FFMPEG_MISSING_MESSAGE, ffmpegPath } from '#server/platform/media/ffmpeg-path.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { assertBeforeDeadline } from '../nominations/deadline.ts';
import { liveCopiesOf } from './job-queries.ts';
import { findMaterial, type MaterialRow } from './queries.ts';
import { createMaterial } from './transition-material.ts';
import { authorizeMaterial, visibleMaterial } from './visible-material.ts';

/** `活动视频.mov` → `活动视频（转换）.mp4`. */
export function convertedFileName(fileName: string): string {
  const stem = fileName.replace(/\.[^.]*$/, '') || '视频';
  return `${stem}（转换）.mp4`;
}

function assertConvertible(material: MaterialRow): void {
  if (material.convertedFrom !== null) {
    throw new AppError('MATERIAL_NOT_CONVERTIBLE', '这已是转换后的副本，请对原视频申请转换。');
  }
  if (material.probed?.kind !== 'video') {
    throw new AppError(
      'MATERIAL_NOT_CONVERTIBLE',
      material.probed?.kind === 'unreadable'
        ? '该文件无法作为视频读取（可能已损坏或不完整），无法转换，请重新上传完整的原视频。'
        : '只有视频可以转换；照片和文档请按要求处理后重新上传。',
    );
  }
  if (material.state === 'pending')
    throw new AppError('MATERIAL_CHECK_PENDING', '视频正在检查，请等检查结果出来后再决定是否转换。');
  if (material.state !== 'failed')
    throw new AppError('MATERIAL_ALREADY_PASSED', '该视频已通过检查，无需转换。');
}

export async function requestConversion({ db, jobs, clock }: AppContext, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const { material, nomination, subject } = await visibleMaterial(trx, actor, id, true);
    authorizeMaterial(actor, 'convert', subject);
    const campaign = await visibleCampaign(trx, actor, nomination.campaignId);
    await assertBeforeDeadline(trx, campaign, nomination.unitId, clock.now());
    assertConvertible(material);
    if ((await liveCopiesOf(trx, material.id)).length > 0) {
      throw new AppError(
        'CONVERSION_EXISTS',
        '该视频已有转换中或转换好的副本，无需重复申请；如要重新转换，请先删除该副本。',
      );
    }
    if (!ffmpegPath()) throw new AppError('FFMPEG_MISSING', FFMPEG_MISSING_MESSAGE);
    const copyId = await startConversion(trx, jobs, material, {
      actor,
      uploadedBy: actor.accountId,
      scopePath: nomination.unitPath,
    });
    return { material: (await findMaterial(trx, copyId))!, subject };
  });
}

export interface ConversionOriginal {
  id: string;
  nominationId: string;
  setKey: MaterialSetKey;
  slotId: string;
  fileName: string;
}

/**
 * The copy's row (created through transition-material.ts, with its job and audit entry) in the caller's transaction; the caller has checked the
 * original may be converted. `actor` null: the platform started it after the check (audited as such).
 */
export async function startConversion(
  trx: Trx,
  jobs: Jobs,
  original: ConversionOriginal,
  by: { actor: Actor | null; uploadedBy: string | null; scopePath: string },
): Promise<string> {
  const copyId = randomUUID();
  const fileName = convertedFileName(original.fileName);
  const automatic = by.actor === null;
  return createMaterial(trx, jobs, {
    origin: 'converted',
    values: {
      id: copyId,
      nominationId: original.nominationId,
      setKey: original.setKey,
      slotId: original.slotId,
      storageKey: `converted/${copyId}.mp4`,
      fileName,
      bytes: 0,
      sha256: '',
      convertedFrom: original.id,
      // The unit keeps its original until the copy has passed (after-check.ts) or it chooses the copy.
      chosen: false,
      uploadedBy: by.uploadedBy,
    },
    audit: {
      actor: by.actor,
      action: automatic ? 'material.converted_automatically' : 'material.conversion_requested',
      scopePath: by.scopePath,
      after: {
        nominationId: original.nominationId,
        convertedFrom: original.id,
        fileName: original.fileName,
        copyFileName: fileName,
      },
    },
  });
}
