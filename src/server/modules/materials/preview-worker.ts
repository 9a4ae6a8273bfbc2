/**
 * `material-preview`: a JPEG thumbnail of a photo or a poster frame of a video, stored under
 * `previews/<materialId>.jpg`. A preview is a convenience: when one cannot be made the material keeps
 * its verdict and simply has none (the reason goes to the log), so this job never fails.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { AppContext } from '#server/platform/context.ts';
import { posterFrame } from '#server/platform/media/poster-frame.ts';
import { makeThumbnail } from '#server/platform/media/thumbnail.ts';
import { scratchDir } from '#server/platform/scratch-dirs.ts';
import { findJobMaterial, setPreviewKey } from './job-queries.ts';

export const previewKeyOf = (materialId: string) => `previews/${materialId}.jpg`;

async function withScratch<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await scratchDir('preview');
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runMaterialPreview({ db, storage }: AppContext, materialId: string): Promise<void> {
  const row = await findJobMaterial(db, materialId);
  const probed = row?.probed;
  if (!row || !probed || (probed.kind !== 'image' && probed.kind !== 'video')) return;
  let jpeg: Buffer;
  try {
    jpeg = await storage.withLocalFile(row.storageKey, (path) =>
      probed.kind === 'image'
        ? makeThumbnail(path)
        : withScratch((dir) => posterFrame(path, probed.durationSeconds, join(dir, 'poster.jpg'))),
    );
  } catch (caught) {
    console.warn(`材料 ${materialId} 未能生成预览图：${(caught as Error).message}`);
    return;
  }
  const key = previewKeyOf(materialId);
  await storage.write(key, Readable.from([jpeg]));
  // Deleted while the preview was being made: take the orphan away again.
  if (!(await setPreviewKey(db, materialId, key))) await storage.remove(key);
}
