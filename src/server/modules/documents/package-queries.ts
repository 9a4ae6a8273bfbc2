/** The `export_packages` table: one row per requested submission package, its progress and its file. */
import type { Db, Trx } from '#server/platform/db/database.ts';

export function packageQuery(db: Db | Trx) {
  return db
    .selectFrom('exportPackages as p')
    .innerJoin('campaigns as c', 'c.id', 'p.campaignId')
    .innerJoin('organisations as organiser', 'organiser.id', 'c.organiserId')
    .leftJoin('organisations as unit', 'unit.id', 'p.unitId')
    .select([
      'p.id',
      'p.campaignId',
      'p.unitId',
      'unit.name as unitName',
      'c.title as campaignTitle',
      'c.year as campaignYear',
      'organiser.path as organiserPath',
      'p.state',
      'p.done',
      'p.total',
      'p.storageKey',
      'p.bytes',
      'p.sha256',
      'p.error',
      'p.requestedBy',
      'p.createdAt',
      'p.finishedAt',
    ]);
}

export type PackageRow = Awaited<ReturnType<ReturnType<typeof packageQuery>['executeTakeFirstOrThrow']>>;

export function findPackage(db: Db | Trx, id: string): Promise<PackageRow | undefined> {
  return packageQuery(db).where('p.id', '=', id).executeTakeFirst();
}

/** Newest first; a unit's own only when `unitId` is given. */
export function listPackages(db: Db, campaignId: string, unitId: string | null) {
  let query = packageQuery(db).where('p.campaignId', '=', campaignId);
  if (unitId) query = query.where('p.unitId', '=', unitId);
  return query.orderBy('p.createdAt', 'desc').limit(20).execute();
}

/** How far the build has come; the state itself moves only through transition-package.ts. */
export async function updatePackageProgress(db: Db, id: string, progress: { done: number; total: number }) {
  await db
    .updateTable('exportPackages')
    .set(progress)
    .where('id', '=', id)
    .where('state', '=', 'building')
    .execute();
}
