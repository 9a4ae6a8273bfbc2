/**
 * `showcase-derivatives`: the web copies of a published winner's photo or video, made in the background
 * from the original and stored beside it (`showcase/<materialId>/…`). Photos: 1280 and 480 px, JPEG and
 * WebP, upright, without their EXIF (no camera position leaves the platform). Videos: a poster frame
 * (JPEG and WebP) and an H.264 rendition at most 480p with `+faststart`, so a phone starts playing at
 * once. The public site never sends an original. A file that cannot be processed is left out of the
 * showcase with the reason in the log; the job never fails for it.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { MAX_IMAGE_PIXELS } from '#core/materials/limits.ts';
import type { Probed } from '#core/materials/probed.ts';
import { fitInside, PHOTO_WIDTHS, WEB_VIDEO_BOX } from '#core/showcase/web-sizes.ts';
import type { AppContext } from '#server/platform/context.ts';
import { posterTime } from '#server/platform/media/poster-frame.ts';
import { runFfmpeg } from '#server/platform/media/run-ffmpeg.ts';
import { type DerivativeFiles, derivativeKey } from './derivative-files.ts';

const VIDEO_TIMEOUT_MS = 30 * 60_000;

async function withScratch<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'tuijie-showcase-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type Made = { name: string; bytes: Buffer | string };

async function photoFiles(path: string): Promise<{ files: Made[]; width: number; height: number }> {
  const upright = sharp(path, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' })
    .rotate()
    .flatten({ background: '#ffffff' });
  const files: Made[] = [];
  let size = { width: 0, height: 0 };
  for (const width of PHOTO_WIDTHS) {
    const resized = upright.clone().resize({ width, height: width, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await resized.clone().jpeg({ quality: 82, mozjpeg: true }).toBuffer({
      resolveWithObject: true,
    });
    files.push({ name: `w${width}.jpg`, bytes: data });
    files.push({ name: `w${width}.webp`, bytes: await resized.clone().webp({ quality: 78 }).toBuffer() });
    if (width === PHOTO_WIDTHS[0]) size = { width: info.width, height: info.height };
  }
  return { files, ...size };
}

async function videoFiles(
  path: string,
  probed: Extract<Probed, { kind: 'video' }>,
  dir: string,
): Promise<{ files: Made[]; width: number; height: number }> {
  const size = fitInside(probed.width, probed.height, WEB_VIDEO_BOX, true);
  const web = join(dir, 'web.mp4');
  await runFfmpeg(
    [
      ...['-v', 'error', '-y', '-i', path, '-map', '0:v:0', '-map', '0:a:0?'],
      ...['-vf', `scale=w=${size.width}:h=${size.height},setsar=1`],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '27', '-pix_fmt', 'yuv420p'],
      ...['-profile:v', 'main', '-threads', '2', '-c:a', 'aac', '-b:a', '96k', '-ac', '2'],
      ...['-movflags', '+faststart', '-f', 'mp4', web],
    ],
    { timeoutMs: VIDEO_TIMEOUT_MS },
  );
  const poster = join(dir, 'poster.jpg');
  const at = posterTime(probed.durationSeconds).toFixed(3);
  await runFfmpeg(
    ['-v', 'error', '-y', '-ss', at, '-i', web, '-frames:v', '1', '-q:v', '3', '-update', '1', poster],
    {
      timeoutMs: 60_000,
    },
  );
  const posterBytes = await readFile(poster);
  if ((await stat(web)).size === 0 || posterBytes.length === 0) throw new Error('视频转换结果为空');
  return {
    files: [
      { name: 'web.mp4', bytes: web },
      { name: 'poster.jpg', bytes: posterBytes },
      { name: 'poster.webp', bytes: await sharp(posterBytes).webp({ quality: 78 }).toBuffer() },
    ],
    ...size,
  };
}

export async function runShowcaseDerivatives(context: AppContext, materialId: string): Promise<void> {
  const { db, storage, clock } = context;
  const row = await db
    .selectFrom('materials')
    .select(['id', 'nominationId', 'storageKey', 'probed'])
    .where('id', '=', materialId)
    .executeTakeFirst();
  const probed = row?.probed as Probed | null | undefined;
  if (!row || !probed || (probed.kind !== 'image' && probed.kind !== 'video')) return;
  // A job sent again before the first one finished: its copies are there (a material never changes).
  const existing = await db
    .selectFrom('showcaseMedia')
    .select('materialId')
    .where('materialId', '=', materialId)
    .executeTakeFirst();
  if (existing) return;
  const kind = probed.kind === 'image' ? 'photo' : 'video';
  let made: { files: DerivativeFiles; width: number; height: number };
  try {
    made = await storage.withLocalFile(row.storageKey, (path) =>
      withScratch(async (dir) => {
        const out = probed.kind === 'image' ? await photoFiles(path) : await videoFiles(path, probed, dir);
        const files: DerivativeFiles = {};
        for (const f of out.files) {
          const key = derivativeKey(materialId, f.name);
          const source = typeof f.bytes === 'string' ? await readFile(f.bytes) : f.bytes;
          const stored = await storage.write(key, Readable.from([source]));
          files[f.name] = { key, bytes: stored.bytes, sha256: stored.sha256 };
        }
        return { files, width: out.width, height: out.height };
      }),
    );
  } catch (caught) {
    console.warn(`材料 ${materialId} 未能生成展示用图片或视频：${(caught as Error).message}`);
    return;
  }
  const values = {
    materialId,
    nominationId: row.nominationId,
    kind,
    files: JSON.stringify(made.files),
    width: made.width,
    height: made.height,
    madeAt: clock.now(),
  } as const;
  await db
    .insertInto('showcaseMedia')
    .values(values)
    .onConflict((oc) =>
      oc.column('materialId').doUpdateSet({
        files: values.files,
        width: values.width,
        height: values.height,
        madeAt: values.madeAt,
      }),
    )
    .execute();
  await context.publicPages.changed();
}
