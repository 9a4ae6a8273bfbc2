import type { Db, Trx } from '#server/platform/db/database.ts';

export const ORGANISATION_COLUMNS = [
  'id',
  'parentId',
  'path',
  'name',
  'type',
  'regionCode',
  'disabled',
  'version',
] as const;
const columns = ORGANISATION_COLUMNS;

export type OrganisationRow = Awaited<ReturnType<typeof findOrganisation>> & {};

export function findOrganisation(db: Db | Trx, id: string) {
  return db.selectFrom('organisations').select(columns).where('id', '=', id).executeTakeFirst();
}

/** The row locked for the rest of the transaction: edits and the checks they depend on see one state. */
export function lockOrganisation(trx: Trx, id: string) {
  return trx.selectFrom('organisations').select(columns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listSubtree(db: Db, path: string) {
  return db
    .selectFrom('organisations')
    .select(columns)
    .where('path', 'like', `${path}%`)
    .orderBy('path')
    .execute();
}

export function findChildByName(db: Db | Trx, parentId: string, name: string) {
  return db
    .selectFrom('organisations')
    .select(columns)
    .where('parentId', '=', parentId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export function listChildren(db: Db | Trx, parentId: string) {
  return db
    .selectFrom('organisations')
    .select(columns)
    .where('parentId', '=', parentId)
    .where('disabled', '=', false)
    .orderBy('regionCode')
    .orderBy('name')
    .execute();
}
