/**
 * Photos of an activity: streamed into the file storage, refused above 10 MB or when the bytes are not a
 * JPEG or PNG whatever the name says (the materials' probe judges them), then a resized JPEG made beside
 * the original for the public site (turned upright, metadata such as the camera's position dropped), and
 * both recorded in one transaction, audited. Refused bytes are removed again; nothing is stored.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  ACTIVITY_PHOTO_MAX_BYTES,
  ACTIVITY_PHOTO_PUBLIC_SIDE,
  ACTIVITY_PHOTOS_MAX,
  judgeActivityPhoto,
} from '#core/activities/photo.ts';
import { materialDisposition } from '#core/materials/content-type.ts';
import { checkFileName } from '#core/materials/file-name.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, notFound } from '#server/platform/errors.ts';
import { probeFile } from '#server/platform/media/probe-file.ts';
import { makeThumbnail } from '#server/platform/media/thumbnail.ts';
import { recordAudit } from '../audit/service.ts';
import { changeableActivity, visibleActivity } from './winner-context.ts';

const MEBIBYTES = ACTIVITY_PHOTO_MAX_BYTES / 1024 / 1024;
const sentences = (findings: { message: string }[]) => findings.map((f) => f.message).join('');

export interface IncomingFile {
  fileName: string;
  stream: Readable;
  truncated: () => boolean;
}

async function photoCount(db: Db | Trx, activityId: string) {
  const { n } = await db
    .selectFrom('winnerActivityPhotos')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('activityId', '=', activityId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

const tooMany = () =>
  new AppError(
    'VALIDATION_FAILED',
    `每次活动最多上传${ACTIVITY_PHOTOS_MAX}张照片，请删除不需要的照片后再上传。`,
  );

export async function uploadActivityPhoto(
  { db, storage, clock }: Pick<AppContext, 'db' | 'storage' | 'clock'>,
  actor: Actor,
  activityId: string,
  openFile: () => Promise<IncomingFile | undefined>,
): Promise<{ id: string }> {
  // Refused before a byte is read: only who may change the activity, and while it has room.
  await changeableActivity(db, actor, activityId);
  if ((await photoCount(db, activityId)) >= ACTIVITY_PHOTOS_MAX) throw tooMany();
  const file = await openFile();
  if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的活动照片。');
  const nameFindings = checkFileName(file.fileName);
  if (nameFindings.length > 0) {
    file.stream.resume();
    throw new AppError('VALIDATION_FAILED', sentences(nameFindings), { findings: nameFindings });
  }
  const fileName = file.fileName.trim();
  const base = `winner-activities/${activityId}/${randomUUID()}`;
  const keys = { original: base, public: `${base}.public.jpg` };
  let keep = false;
  try {
    const stored = await storage.write(keys.original, file.stream);
    if (file.truncated() || stored.bytes > ACTIVITY_PHOTO_MAX_BYTES)
      throw new AppError('PAYLOAD_TOO_LARGE', `活动照片超过 ${MEBIBYTES} MB，请压缩后再上传。`);
    if (stored.bytes === 0) throw new AppError('VALIDATION_FAILED', '上传的是空文件，请重新选择。');
    const { probed, publicCopy } = await storage.withLocalFile(keys.original, async (path) => {
      const probed = await probeFile(path, { maxBytes: ACTIVITY_PHOTO_MAX_BYTES, decode: true });
      const ok = probed.kind === 'image' && (probed.format === 'jpeg' || probed.format === 'png');
      return { probed, publicCopy: ok ? await makeThumbnail(path, ACTIVITY_PHOTO_PUBLIC_SIDE) : null };
    });
    const verdict = judgeActivityPhoto(probed);
    if ('findings' in verdict) {
      const wrongFormat = verdict.findings.some((f) => f.code === 'ACTIVITY_PHOTO_FORMAT');
      throw new AppError(
        wrongFormat ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED',
        sentences(verdict.findings),
        {
          findings: verdict.findings,
        },
      );
    }
    if (!publicCopy || probed.kind !== 'image') throw new AppError('INTERNAL', '照片处理失败，请稍后重试。');
    await storage.write(keys.public, Readable.from([publicCopy]));
    const id = await db.transaction().execute(async (trx) => {
      // Again under the lock: the activity may have been deleted, or filled by another upload meanwhile.
      const { row } = await changeableActivity(trx, actor, activityId, true);
      if ((await photoCount(trx, activityId)) >= ACTIVITY_PHOTOS_MAX) throw tooMany();
      const photo = await trx
        .insertInto('winnerActivityPhotos')
        .values({
          activityId,
          storageKey: keys.original,
          publicKey: keys.public,
          fileName,
          contentType: verdict.contentType,
          bytes: stored.bytes,
          sha256: stored.sha256,
          width: probed.width,
          height: probed.height,
          uploadedBy: actor.accountId,
          uploadedAt: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: 'activity.photo_uploaded',
        entityType: 'winner_activity',
        entityId: activityId,
        scopePath: row.organiserPath,
        after: { photoId: photo.id, fileName, bytes: stored.bytes, sha256: stored.sha256 },
      });
      return photo.id;
    });
    keep = true;
    return { id };
  } finally {
    if (!keep)
      await Promise.all(
        [storage.remove(keys.original), storage.remove(keys.public)].map((p) => p.catch(() => undefined)),
      );
  }
}

export async function removeActivityPhoto(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  activityId: string,
  photoId: string,
) {
  const removed = await db.transaction().execute(async (trx) => {
    const { row } = await changeableActivity(trx, actor, activityId, true);
    const photo = await trx
      .deleteFrom('winnerActivityPhotos')
      .where('id', '=', photoId)
      .where('activityId', '=', activityId)
      .returning(['storageKey', 'publicKey', 'fileName'])
      .executeTakeFirst();
    if (!photo) throw notFound('活动照片');
    await recordAudit(trx, actor, {
      action: 'activity.photo_removed',
      entityType: 'winner_activity',
      entityId: activityId,
      scopePath: row.organiserPath,
      before: { photoId, fileName: photo.fileName },
    });
    return photo;
  });
  await Promise.all(
    [removed.storageKey, removed.publicKey].map((k) => storage.remove(k).catch(() => undefined)),
  );
}

async function photoRow(db: AppContext['db'], activityId: string, photoId: string) {
  const photo = await db
    .selectFrom('winnerActivityPhotos')
    .selectAll()
    .where('id', '=', photoId)
    .where('activityId', '=', activityId)
    .executeTakeFirst();
  if (!photo) throw notFound('活动照片');
  return photo;
}

/** The original, for those who may see the activity. */
export async function activityPhotoContent(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  activityId: string,
  photoId: string,
) {
  await visibleActivity(db, actor, activityId);
  const photo = await photoRow(db, activityId, photoId);
  return {
    headers: {
      'content-type': photo.contentType,
      'content-disposition': materialDisposition(photo.fileName),
      'content-length': String(photo.bytes),
      'cache-control': 'private, no-cache',
    },
    body: await storage.read(photo.storageKey),
  };
}
