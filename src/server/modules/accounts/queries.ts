import { sql } from 'kysely';
import type { Db, Trx } from '#server/platform/db/database.ts';

function baseQuery(db: Db | Trx) {
  return db.selectFrom('accounts as a').innerJoin('organisations as o', 'o.id', 'a.organisationId').select([
    'a.id',
    'a.username',
    'a.displayName',
    'a.organisationId',
    'o.name as organisationName',
    'o.path as organisationPath',
    'a.roles',
    // Sealed (migration 0029): what is shown of it is the envelope's mask.
    'a.phoneSealed',
    'a.disabled',
    'a.mustChangePassword',
    'a.lastLoginAt',
    'a.version',
  ]);
}

export type AccountRow = Awaited<ReturnType<typeof findAccount>> & {};

export function findAccount(db: Db | Trx, id: string) {
  return baseQuery(db).where('a.id', '=', id).executeTakeFirst();
}

export function lockAccount(trx: Trx, id: string) {
  return baseQuery(trx).where('a.id', '=', id).forUpdate('a').executeTakeFirst();
}

export function usernameTaken(db: Db | Trx, username: string) {
  return db
    .selectFrom('accounts')
    .select('id')
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst()
    .then(Boolean);
}

export interface AccountFilter {
  subtreePath: string;
  organisationId?: string;
  role?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listAccounts(db: Db, f: AccountFilter) {
  let query = baseQuery(db).where('o.path', 'like', `${f.subtreePath}%`);
  if (f.organisationId) query = query.where('a.organisationId', '=', f.organisationId);
  if (f.role) query = query.where(sql<boolean>`${f.role} = ANY(a.roles)`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('a.username', 'ilike', like), eb('a.displayName', 'ilike', like)]));
  }
  const [items, total] = await Promise.all([
    query
      .orderBy('o.path')
      .orderBy('a.username')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
