import type { OverrideKind } from '#core/calendar/index.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';

export function listOverrides(db: Db | Trx, organisationId: string, year?: number) {
  let query = db
    .selectFrom('calendarOverrides as c')
    .leftJoin('accounts as a', 'a.id', 'c.createdBy')
    // The table's check allows only these two kinds.
    .select((eb) => [
      'c.id',
      'c.date',
      eb.ref('c.kind').$castTo<OverrideKind>().as('kind'),
      'c.note',
      'a.displayName as createdBy',
    ])
    .where('c.organisationId', '=', organisationId);
  if (year) query = query.where('c.date', '>=', `${year}-01-01`).where('c.date', '<=', `${year}-12-31`);
  return query.orderBy('c.date').execute();
}

export async function listConfirmedYears(db: Db | Trx, organisationId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('calendarConfirmedYears')
    .select('year')
    .where('organisationId', '=', organisationId)
    .orderBy('year')
    .execute();
  return rows.map((r) => r.year);
}
