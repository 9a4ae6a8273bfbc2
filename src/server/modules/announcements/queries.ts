/** Reads of announcements, their entries and corrections, and the shortlist they are drafted from. */
import type { Selectable } from 'kysely';
import type { ShortlistedNomination } from '#core/announcement/entries.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import type {
  AnnouncementCorrectionsTable,
  AnnouncementEntriesTable,
  AnnouncementsTable,
} from '#server/platform/db/schema-decision.ts';

export type AnnouncementRow = Selectable<AnnouncementsTable>;
export type EntryRow = Selectable<AnnouncementEntriesTable>;
export type CorrectionRow = Selectable<AnnouncementCorrectionsTable>;

export function findAnnouncementOfCampaign(db: Db | Trx, campaignId: string) {
  return db.selectFrom('announcements').selectAll().where('campaignId', '=', campaignId).executeTakeFirst();
}

export function lockAnnouncementOfCampaign(trx: Trx, campaignId: string) {
  return trx
    .selectFrom('announcements')
    .selectAll()
    .where('campaignId', '=', campaignId)
    .forUpdate()
    .executeTakeFirst();
}

export function lockAnnouncement(trx: Trx, id: string) {
  return trx.selectFrom('announcements').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listEntries(db: Db | Trx, announcementId: string) {
  return db
    .selectFrom('announcementEntries')
    .selectAll()
    .where('announcementId', '=', announcementId)
    .orderBy('category', 'desc') // 'star' before 'project'
    .orderBy('position')
    .execute();
}

export function listCorrections(db: Db | Trx, announcementId: string) {
  return db
    .selectFrom('announcementCorrections')
    .selectAll()
    .where('announcementId', '=', announcementId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** The campaign's 拟推介 nominations with the public facts of their reporting unit. */
export async function listShortlisted(db: Db | Trx, campaignId: string): Promise<ShortlistedNomination[]> {
  const rows = await db
    .selectFrom('nominations as n')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .select(['n.id', 'n.category', 'n.special', 'n.rank', 'n.title', 'n.form', 'u.name', 'u.regionCode'])
    .where('n.campaignId', '=', campaignId)
    .where('n.state', '=', 'shortlisted')
    .execute();
  return rows.map((r) => ({
    nominationId: r.id,
    category: r.category,
    special: r.special,
    rank: r.rank,
    title: r.title,
    form: (r.form ?? {}) as Record<string, unknown>,
    unitName: r.name,
    unitRegionCode: r.regionCode,
  }));
}

/** Announcements the tick may have to move today: scheduled ones, and open ones. */
export function listMovable(db: Db) {
  return db
    .selectFrom('announcements')
    .select(['id', 'campaignId', 'state', 'startDay', 'endDay'])
    .where('state', 'in', ['scheduled', 'open'])
    .execute();
}
