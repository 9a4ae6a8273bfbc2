import { sql } from 'kysely';
import type { CampaignLevel, Category } from '#core/campaign/rules.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { matchHash } from '#server/platform/personal-data/envelope.ts';

function baseQuery(db: Db | Trx) {
  return db
    .selectFrom('previousWinners as w')
    .innerJoin('organisations as o', 'o.id', 'w.organisationId')
    .select([
      'w.id',
      'w.organisationId',
      'o.name as organisationName',
      'o.path as organisationPath',
      'o.regionCode as organisationRegion',
      'w.year',
      'w.level',
      'w.category',
      'w.name',
      'w.provinceOrUnit',
      'w.workUnit',
      'w.birthDate',
      // Sealed (migration 0027): lists show the envelope's mask, the registry compares the hash.
      'w.idNumberSealed',
      'w.idNumberHash',
      'w.creditCode',
      'w.importedAt',
      'w.updatedAt',
      'w.version',
    ]);
}

export type WinnerRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

export function findWinner(db: Db | Trx, id: string, lock = false) {
  const query = baseQuery(db).where('w.id', '=', id);
  return (lock ? query.forUpdate('w') : query).executeTakeFirst();
}

export interface WinnerFilter {
  q?: string;
  category?: Category;
  year?: number;
  level?: CampaignLevel;
  page: number;
  pageSize: number;
}

/** Records kept by the reader's organisation, those below it and those above it; newest first. */
export async function listWinnerRows(db: Db, readerPath: string, f: WinnerFilter) {
  let query = baseQuery(db).where((eb) =>
    eb.or([
      eb('o.path', 'like', `${readerPath}%`),
      eb(sql.val(readerPath), 'like', sql<string>`o.path || '%'`),
    ]),
  );
  if (f.category) query = query.where('w.category', '=', f.category);
  if (f.year) query = query.where('w.year', '=', f.year);
  if (f.level) query = query.where('w.level', '=', f.level);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '\\$&')}%`;
    const exact = f.q.replace(/\s/g, '').toUpperCase();
    // A whole ID number is found by its keyed hash: the number itself is not in the table.
    const idHash = matchHash('idNumber', f.q, dataKeys());
    query = query.where((eb) =>
      eb.or([
        eb('w.name', 'ilike', like),
        eb('w.provinceOrUnit', 'ilike', like),
        eb('w.workUnit', 'ilike', like),
        ...(idHash ? [eb('w.idNumberHash', '=', idHash)] : []),
        eb('w.creditCode', '=', exact),
      ]),
    );
  }
  const [items, total] = await Promise.all([
    query
      .orderBy('w.year', 'desc')
      .orderBy('w.level')
      .orderBy('w.name')
      .orderBy('w.id')
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

/** Every record of a category, for matching nominations against (read whole: decision 0005). */
export function winnerRowsOf(db: Db | Trx, category: Category) {
  return baseQuery(db).where('w.category', '=', category).execute();
}
