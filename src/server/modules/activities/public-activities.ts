/**
 * What the public site shows of a published winner's activities: the activity's public fields and the
 * resized copies of its photos, never the originals, nor who recorded it. For the showcase page.
 */
import type { ActivityKind } from '#core/activities/kinds.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { findPublishedWinner } from './queries.ts';

export interface PublicActivity {
  kind: ActivityKind;
  form: string;
  occurredOn: string;
  place: string;
  host: string;
  audience: number;
  report: string;
  /** Resized JPEGs, served without login at these paths. */
  photoUrls: string[];
}

export const publicPhotoUrl = (photoId: string) => `/api/public/activity-photos/${photoId}.jpg`;

/** A published winner's activities, newest first; none when the nomination is not a published winner. */
export async function listPublicActivities(db: Db | Trx, nominationId: string): Promise<PublicActivity[]> {
  if (!(await findPublishedWinner(db, nominationId))) return [];
  const rows = await db
    .selectFrom('winnerActivities')
    .select(['id', 'kind', 'form', 'occurredOn', 'place', 'host', 'audience', 'report'])
    .where('nominationId', '=', nominationId)
    .orderBy('occurredOn', 'desc')
    .orderBy('recordedAt', 'desc')
    .execute();
  const photos =
    rows.length === 0
      ? []
      : await db
          .selectFrom('winnerActivityPhotos')
          .select(['id', 'activityId'])
          .where(
            'activityId',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('uploadedAt')
          .orderBy('id')
          .execute();
  return rows.map(({ id, ...r }) => ({
    ...r,
    photoUrls: photos.filter((p) => p.activityId === id).map((p) => publicPhotoUrl(p.id)),
  }));
}

/** The storage key of a photo's public copy, only while its winner is published. */
export async function publicPhotoKey(db: Db | Trx, photoId: string): Promise<string | null> {
  const row = await db
    .selectFrom('winnerActivityPhotos as ph')
    .innerJoin('winnerActivities as a', 'a.id', 'ph.activityId')
    .select(['ph.publicKey', 'a.nominationId'])
    .where('ph.id', '=', photoId)
    .executeTakeFirst();
  if (!row || !(await findPublishedWinner(db, row.nominationId))) return null;
  return row.publicKey;
}
