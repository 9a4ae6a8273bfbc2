/**
 * What follows a check's verdict, in the verdict's transaction:
 * - a film whose every error the conversion mends (a 1920×1080 or 30 fps phone film, a MOV) is converted
 *   without being asked: the browser told the unit it would be, when it let the film go up;
 * - a converted copy that passes is chosen for submission in place of its original, unless the original
 *   passed too (the page then says which one is submitted and lets the unit choose the other).
 * Neither happens once the nomination has left the editable states: its material is frozen.
 */
import type { Finding } from '#core/findings.ts';
import { conversionMendsAll } from '#core/materials/conversion.ts';
import type { Probed } from '#core/materials/probed.ts';
import type { MaterialSlotSpec } from '#core/materials/spec.ts';
import { EDITABLE_STATES } from '#core/nomination/states.ts';
import type { Trx } from '#server/platform/db/database.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import { ffmpegPath } from '#server/platform/media/ffmpeg-path.ts';
import { recordAudit } from '../audit/service.ts';
import { chooseInFamily } from './choose-material.ts';
import { startConversion } from './convert-material.ts';
import { type JobMaterial, liveCopiesOf } from './job-queries.ts';

export interface Verdict {
  state: 'passed' | 'failed';
  findings: Finding[];
  probed: Probed | null;
}

async function convertOnItsOwn(trx: Trx, jobs: Jobs, row: JobMaterial) {
  if (!ffmpegPath() || (await liveCopiesOf(trx, row.id)).length > 0) return;
  await startConversion(trx, jobs, row, {
    actor: null,
    uploadedBy: row.uploadedBy,
    scopePath: row.unitPath,
  });
}

async function chooseCopyOverFailedOriginal(
  trx: Trx,
  row: JobMaterial & { convertedFrom: string },
  now: Date,
) {
  const original = await trx
    .selectFrom('materials')
    .select(['state', 'chosen', 'fileName'])
    .where('id', '=', row.convertedFrom)
    .forUpdate()
    .executeTakeFirst();
  if (!original?.chosen || original.state === 'passed') return;
  await chooseInFamily(trx, row, now);
  await recordAudit(trx, null, {
    action: 'material.chosen',
    entityType: 'material',
    entityId: row.id,
    scopePath: row.unitPath,
    after: { nominationId: row.nominationId, fileName: row.fileName, convertedFrom: row.convertedFrom },
  });
}

export async function afterVerdict(
  trx: Trx,
  jobs: Jobs,
  row: JobMaterial,
  slot: MaterialSlotSpec | undefined,
  verdict: Verdict,
  now: Date,
): Promise<void> {
  if (!slot || !EDITABLE_STATES.has(row.nominationState)) return;
  // Only the first verdict: a re-check (after a crash) must not undo the unit's own choice since.
  if (row.state !== 'pending') return;
  if (row.convertedFrom === null) {
    const film = verdict.probed?.kind === 'video';
    if (film && verdict.state === 'failed' && conversionMendsAll(verdict.findings, slot)) {
      await convertOnItsOwn(trx, jobs, row);
    }
  } else if (verdict.state === 'passed') {
    await chooseCopyOverFailedOriginal(trx, { ...row, convertedFrom: row.convertedFrom }, now);
  }
}
