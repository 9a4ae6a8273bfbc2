import { mayChangeActivity, mayRecordActivity } from '#core/activities/who-records.ts';
import type { Activity, ActivityWinner } from '#core/contract/activities.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { publicPhotoUrl } from './public-activities.ts';
import type { ActivityListRow, PhotoRow, WinnerRow } from './queries.ts';
import { subjectOf } from './winner-context.ts';

export function presentActivity(actor: Actor, row: ActivityListRow, photos: readonly PhotoRow[]): Activity {
  const subject = subjectOf(row);
  const may = mayChangeActivity(actor, subject, row);
  return {
    id: row.id,
    nominationId: row.nominationId,
    winnerName: row.winnerName,
    category: row.category,
    campaignId: row.campaignId,
    campaignTitle: row.campaignTitle,
    unitName: row.unitName,
    provinceId: row.provinceId,
    provinceName: row.provinceName,
    kind: row.kind,
    form: row.form,
    occurredOn: row.occurredOn,
    place: row.place,
    host: row.host,
    audience: row.audience,
    report: row.report,
    photos: photos.map((p) => ({
      id: p.id,
      fileName: p.fileName,
      contentType: p.contentType,
      bytes: Number(p.bytes),
      width: p.width,
      height: p.height,
      url: `/api/activities/${row.id}/photos/${p.id}`,
      publicUrl: publicPhotoUrl(p.id),
    })),
    recordedByName: row.recordedByName ?? '',
    recordedAt: row.recordedAt.toISOString(),
    version: row.version,
    actions: may ? ['edit', 'delete'] : [],
  };
}

export function presentWinner(actor: Actor, w: WinnerRow & { activities: string | null }): ActivityWinner {
  return {
    nominationId: w.nominationId,
    name: w.name,
    category: w.category,
    campaignId: w.campaignId,
    campaignTitle: w.campaignTitle,
    year: w.year,
    unitName: w.unitName,
    provinceId: w.provinceId,
    provinceName: w.provinceName,
    activities: Number(w.activities ?? 0),
    mayRecord: mayRecordActivity(actor, subjectOf(w)),
  };
}
