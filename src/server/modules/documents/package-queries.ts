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
      'p.inputsHash',
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

/**
 * The package of `scope` built, or being built, from exactly these inputs, newest first: an identical
 * request returns it instead of building the same ZIP again. Locked, so two identical clicks make one.
 */
export function findReusablePackage(
  trx: Trx,
  scope: { campaignId: string; unitId: string | null },
  inputsHash: string,
) {
  let query = packageQuery(trx)
    .where('p.campaignId', '=', scope.campaignId)
    .where('p.inputsHash', '=', inputsHash)
    .where('p.state', 'in', ['queued', 'building', 'ready']);
  query = scope.unitId ? query.where('p.unitId', '=', scope.unitId) : query.where('p.unitId', 'is', null);
  return query.orderBy('p.createdAt', 'desc').limit(1).forUpdate('p').executeTakeFirst();
}

/** Every ready package, for the expiry sweep (core/documents/package-retention.ts chooses). */
export function listReadyPackages(db: Db) {
  return db
    .selectFrom('exportPackages')
    .select(['id', 'state', 'campaignId', 'unitId', 'createdAt', 'finishedAt'])
    .where('state', '=', 'ready')
    .execute();
}

/** Expired packages whose file the sweep has yet to delete. */
export function listExpiredWithFiles(db: Db) {
  return db
    .selectFrom('exportPackages')
    .select(['id', 'storageKey'])
    .where('state', '=', 'expired')
    .where('storageKey', 'is not', null)
    .execute();
}

/** The file is gone: the row no longer names it (the state moved already, through transition-package.ts). */
export async function forgetPackageFile(db: Db, id: string) {
  await db
    .updateTable('exportPackages')
    .set({ storageKey: null })
    .where('id', '=', id)
    .where('state', '=', 'expired')
    .execute();
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
