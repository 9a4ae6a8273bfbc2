/**
 * `material-convert`: makes the converted copy of a video (a row in `converting`, pointing at its
 * original) with ffmpeg to the slot's frame size and rate, reporting progress on the row, stores it,
 * and hands it to the same check as any upload. The original is only read. A conversion that fails
 * marks the copy failed with the reason; the unit keeps the original and may ask again.
 */
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { error } from '#core/findings.ts';
import type { AppContext } from '#server/platform/context.ts';
import { convertVideo } from '#server/platform/media/convert-video.ts';
import { FfmpegError } from '#server/platform/media/run-ffmpeg.ts';
import { scratchDir } from '#server/platform/scratch-dirs.ts';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '#server/platform/storage/storage-full.ts';
import { findJobMaterial, type JobMaterial, setConversionProgress, slotOfRow } from './job-queries.ts';
import { transitionMaterial } from './transition-material.ts';

function reasonOf(caught: unknown): string {
  if (isStorageFull(caught)) return STORAGE_FULL_MESSAGE;
  if (caught instanceof FfmpegError) {
    // ffmpeg's last line names the problem (in English); it helps an administrator, not the unit.
    const detail = caught.stderr.trim().split('\n').at(-1);
    return detail ? `${caught.message}：${detail}` : caught.message;
  }
  return (caught as Error).message;
}

async function convert(context: AppContext, copy: JobMaterial, original: JobMaterial, dir: string) {
  const { db, storage, jobs, clock } = context;
  const slot = slotOfRow(copy);
  const duration = original.probed?.kind === 'video' ? original.probed.durationSeconds : 0;
  const output = join(dir, 'converted.mp4');
  // Progress writes go one after another, and all are done before the copy leaves `converting`.
  let writes = Promise.resolve();
  await storage.withLocalFile(original.storageKey, (input) =>
    convertVideo(
      input,
      output,
      { width: slot?.width, height: slot?.height, fps: slot?.fps },
      duration,
      (p) => {
        writes = writes.then(() => setConversionProgress(db, copy.id, p, clock.now())).catch(() => undefined);
      },
    ),
  );
  await writes;
  const stored = await storage.write(copy.storageKey, createReadStream(output));
  const finished = await db
    .transaction()
    .execute((trx) => transitionMaterial(trx, jobs, copy.id, { to: 'pending', stored }, clock.now()));
  // The copy was deleted while it was being made: its bytes go too.
  if (!finished.moved) await storage.remove(copy.storageKey);
}

export async function runMaterialConvert(context: AppContext, materialId: string): Promise<void> {
  const { db, jobs, clock } = context;
  const copy = await findJobMaterial(db, materialId);
  if (copy?.state !== 'converting' || !copy.convertedFrom) return;
  const original = await findJobMaterial(db, copy.convertedFrom);
  if (!original) return; // the original's deletion took the copy along (ON DELETE CASCADE)
  const dir = await scratchDir('convert');
  try {
    await convert(context, copy, original, dir);
  } catch (caught) {
    const finding = error(
      'VIDEO_CONVERSION_FAILED',
      'file',
      `视频转换失败（${reasonOf(caught)}）。请确认原视频能正常播放后重新申请转换，或用剪辑软件按要求导出后重新上传。`,
    );
    await db
      .transaction()
      .execute((trx) =>
        transitionMaterial(
          trx,
          jobs,
          copy.id,
          { to: 'failed', verdict: { findings: [finding] } },
          clock.now(),
        ),
      );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
