import type { Db, Trx } from '#server/platform/db/database.ts';

export function findPaperRecord(db: Db | Trx, campaignId: string, unitId: string, lock = false) {
  let query = db
    .selectFrom('paperDispatches')
    .selectAll()
    .where('campaignId', '=', campaignId)
    .where('unitId', '=', unitId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export type PaperRecord = NonNullable<Awaited<ReturnType<typeof findPaperRecord>>>;

export function listPaperRecords(db: Db | Trx, campaignId: string) {
  return db.selectFrom('paperDispatches').selectAll().where('campaignId', '=', campaignId).execute();
}
