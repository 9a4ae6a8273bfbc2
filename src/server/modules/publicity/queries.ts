import type { Db, Trx } from '#server/platform/db/database.ts';

export function publicityRows(db: Db | Trx, campaignId: string, unitId?: string) {
  let query = db
    .selectFrom('unitPublicities as p')
    .innerJoin('organisations as o', 'o.id', 'p.unitId')
    .selectAll('p')
    .select('o.name as unitName')
    .where('p.campaignId', '=', campaignId);
  if (unitId) query = query.where('p.unitId', '=', unitId);
  return query.orderBy('o.name').orderBy('p.fromDay').orderBy('p.recordedAt').execute();
}
export type PublicityRow = Awaited<ReturnType<typeof publicityRows>>[number];

export function findPublicity(db: Db | Trx, id: string, lock = false) {
  let query = db
    .selectFrom('unitPublicities as p')
    .innerJoin('organisations as o', 'o.id', 'p.unitId')
    .selectAll('p')
    .select('o.name as unitName')
    .where('p.id', '=', id);
  if (lock) query = query.forUpdate('p');
  return query.executeTakeFirst();
}

/**
 * The unit's nominations in the campaign a 公示 can name (withdrawn ones aside), with when each was
 * submitted. Read here rather than through the nominations module, which shows this module's findings
 * in its formal check and so cannot be imported back.
 */
export function unitNominations(db: Db | Trx, campaignId: string, unitId: string) {
  return db
    .selectFrom('nominations')
    .select(['id', 'title', 'category', 'state', 'submittedAt'])
    .where('campaignId', '=', campaignId)
    .where('unitId', '=', unitId)
    .where('state', '!=', 'withdrawn')
    .orderBy('category')
    .orderBy('createdAt')
    .execute();
}
export type UnitNomination = Awaited<ReturnType<typeof unitNominations>>[number];
