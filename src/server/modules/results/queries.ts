import { sql } from 'kysely';
import { OPEN_OBJECTION_STATES } from '#core/objection/states.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';

export function findAnnouncementOf(db: Db | Trx, campaignId: string) {
  return db
    .selectFrom('announcements')
    .select(['id', 'state', 'startDay', 'endDay', 'closedAt', 'title'])
    .where('campaignId', '=', campaignId)
    .executeTakeFirst();
}

/** Objections of an announcement by state. */
export async function objectionCounts(db: Db | Trx, announcementId: string | null) {
  if (!announcementId) return { open: 0, byState: {} as Record<string, number>, upheld: 0, total: 0 };
  const rows = await db
    .selectFrom('objections')
    .select(['state', 'conclusion', (eb) => eb.fn.countAll<string>().as('n')])
    .where('announcementId', '=', announcementId)
    .groupBy(['state', 'conclusion'])
    .execute();
  const byState: Record<string, number> = {};
  let open = 0;
  let upheld = 0;
  let total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    byState[r.state] = (byState[r.state] ?? 0) + n;
    total += n;
    if ((OPEN_OBJECTION_STATES as readonly string[]).includes(r.state)) open += n;
    if (r.conclusion === 'upheld') upheld += n;
  }
  return { open, byState, upheld, total };
}

export function correctionsOf(db: Db | Trx, announcementId: string | null) {
  if (!announcementId) return Promise.resolve([]);
  return db
    .selectFrom('announcementCorrections')
    .select(['kind', 'day', 'text'])
    .where('announcementId', '=', announcementId)
    .orderBy('createdAt')
    .execute();
}

export function approvalsOf(db: Db | Trx, campaignId: string) {
  return db
    .selectFrom('campaignApprovals')
    .select(['id', 'decision', 'reason', 'decidedByName', 'decidedAt'])
    .where('campaignId', '=', campaignId)
    .orderBy('decidedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * The nominations that won: 入选, or 入选 and since forwarded to the national round (已报送上级 is still
 * a winner of this round). With the unit, for the list, and the form, for the registry.
 */
export function winnersOf(
  db: Db | Trx,
  campaignId: string,
  states: readonly ('shortlisted' | 'selected' | 'forwarded')[],
) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .select([
      'n.id',
      'n.category',
      'n.special',
      'n.rank',
      'n.title',
      'n.form',
      'n.state',
      'u.name as unitName',
      'u.regionCode as unitRegion',
    ])
    .where('n.campaignId', '=', campaignId)
    .where('n.state', 'in', states)
    .execute();
}

export function findNoticeOf(db: Db | Trx, campaignId: string) {
  return db.selectFrom('resultNotices').selectAll().where('campaignId', '=', campaignId).executeTakeFirst();
}

/** Active approvers whose organisation is the organiser's or one above it. */
export async function approversOf(db: Db | Trx, organiserPath: string) {
  const rows = await db
    .selectFrom('accounts as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisationId')
    .select('a.id')
    .where(sql<boolean>`'approver' = ANY(a.roles)`)
    .where('a.disabled', '=', false)
    .where(sql.val(organiserPath), 'like', sql<string>`o.path || '%'`)
    .execute();
  return rows.map((r) => r.id);
}

/** Organiser admins of the campaign's organiser: whom a 退回 is told of. */
export async function organiserAdminsOf(db: Db | Trx, organiserId: string) {
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where('organisationId', '=', organiserId)
    .where(sql<boolean>`'organiser_admin' = ANY(roles)`)
    .where('disabled', '=', false)
    .execute();
  return rows.map((r) => r.id);
}
