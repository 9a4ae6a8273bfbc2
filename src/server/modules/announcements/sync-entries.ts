/**
 * The entries of a draft follow the shortlist until it is confirmed for publication (确认发布): copied
 * again from the 拟推介 nominations, public fields only, in the official order. Once published the list
 * changes only by a dated correction (remove-entry.ts).
 */
import { announcementEntries } from '#core/announcement/entries.ts';
import type { Trx } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { listShortlisted } from './queries.ts';

export const NO_SHORTLIST =
  '本活动还没有拟推介名单：请先在「评审」中确认拟推介名单（至少一项推介为「拟推介」），再发布公示。';

export async function syncEntries(trx: Trx, announcementId: string, campaignId: string) {
  const entries = announcementEntries(await listShortlisted(trx, campaignId));
  if (entries.length === 0) throw new AppError('CAMPAIGN_NOT_READY', NO_SHORTLIST);
  await trx.deleteFrom('announcementEntries').where('announcementId', '=', announcementId).execute();
  await trx
    .insertInto('announcementEntries')
    .values(entries.map((e) => ({ ...e, announcementId })))
    .execute();
}
