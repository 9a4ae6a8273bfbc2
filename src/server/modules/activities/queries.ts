import { sql } from 'kysely';
import type { Db, Trx } from '#server/platform/db/database.ts';

/** The states a round's winners are in once it is published (已报送上级 is still a winner of this round). */
export const WINNER_STATES = ['selected', 'forwarded'] as const;

/**
 * Published winners with what scoping needs: the round's organiser (its path), the nomination's unit, the
 * unit that first reported a forwarded copy, and the province it is listed under (the forwarding province
 * of a national winner, the organiser of a provincial round).
 */
function winnerQuery(db: Db | Trx) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('campaigns as c', 'c.id', 'n.campaignId')
    .innerJoin('organisations as org', 'org.id', 'c.organiserId')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .leftJoin('nominations as src', 'src.id', 'n.forwardedFrom')
    .innerJoin('organisations as p', (join) =>
      join.on((eb) =>
        eb(
          'p.id',
          '=',
          eb
            .case()
            .when('c.level', '=', 'national')
            .then(eb.ref('n.unitId'))
            .else(eb.ref('c.organiserId'))
            .end(),
        ),
      ),
    )
    .select([
      'n.id as nominationId',
      'n.title as name',
      'n.category',
      'n.unitId',
      'u.name as unitName',
      'src.unitId as sourceUnitId',
      'c.id as campaignId',
      'c.title as campaignTitle',
      'c.year',
      'org.path as organiserPath',
      'p.id as provinceId',
      'p.name as provinceName',
    ])
    .where('c.status', '=', 'published')
    .where('n.state', 'in', WINNER_STATES);
}

export type WinnerRow = Awaited<ReturnType<ReturnType<typeof winnerQuery>['executeTakeFirstOrThrow']>>;

export function findPublishedWinner(db: Db | Trx, nominationId: string) {
  return winnerQuery(db).where('n.id', '=', nominationId).executeTakeFirst();
}

/** Published winners whose activities the reader may see: theirs as a unit, their rounds' and those below. */
export function publishedWinnersFor(
  db: Db | Trx,
  reader: { organisationId: string; organisationPath: string; admin: boolean },
) {
  return winnerQuery(db)
    .select((eb) =>
      eb
        .selectFrom('winnerActivities as a')
        .whereRef('a.nominationId', '=', 'n.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('activities'),
    )
    .where((eb) =>
      eb.or([
        eb('n.unitId', '=', reader.organisationId),
        eb('src.unitId', '=', reader.organisationId),
        ...(reader.admin ? [eb('org.path', 'like', `${reader.organisationPath}%`)] : []),
      ]),
    )
    .orderBy('c.year', 'desc')
    .orderBy('c.title')
    .orderBy('n.category', 'desc')
    .orderBy('n.rank')
    .execute();
}

export function findActivity(db: Db | Trx, id: string, lock = false) {
  const query = db.selectFrom('winnerActivities').selectAll().where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export type ActivityRow = NonNullable<Awaited<ReturnType<typeof findActivity>>>;

export interface ActivityFilter {
  nominationId?: string;
  campaignId?: string;
  provinceId?: string;
  /** 'YYYY-MM' */
  month?: string;
}

/** Activities in the reader's scope (the same as `publishedWinnersFor`), newest first, with their names. */
export function activityRows(
  db: Db | Trx,
  reader: { organisationId: string; organisationPath: string; admin: boolean },
  f: ActivityFilter,
) {
  let query = db
    .selectFrom('winnerActivities as a')
    .innerJoin('nominations as n', 'n.id', 'a.nominationId')
    .innerJoin('campaigns as c', 'c.id', 'a.campaignId')
    .innerJoin('organisations as u', 'u.id', 'a.unitId')
    .innerJoin('organisations as p', 'p.id', 'a.provinceId')
    .leftJoin('accounts as r', 'r.id', 'a.recordedBy')
    .selectAll('a')
    .select([
      'n.title as winnerName',
      'n.category',
      'c.title as campaignTitle',
      'u.name as unitName',
      'p.name as provinceName',
      'r.displayName as recordedByName',
    ])
    .where((eb) =>
      eb.or([
        eb('a.unitId', '=', reader.organisationId),
        eb('a.sourceUnitId', '=', reader.organisationId),
        ...(reader.admin ? [eb('a.organiserPath', 'like', `${reader.organisationPath}%`)] : []),
      ]),
    );
  if (f.nominationId) query = query.where('a.nominationId', '=', f.nominationId);
  if (f.campaignId) query = query.where('a.campaignId', '=', f.campaignId);
  if (f.provinceId) query = query.where('a.provinceId', '=', f.provinceId);
  if (f.month) {
    const from = `${f.month}-01`;
    query = query
      .where('a.occurredOn', '>=', from)
      .where('a.occurredOn', '<', sql<string>`(${from}::date + interval '1 month')::date`);
  }
  return query.orderBy('a.occurredOn', 'desc').orderBy('a.recordedAt', 'desc').limit(2000).execute();
}

export type ActivityListRow = Awaited<ReturnType<typeof activityRows>>[number];

export function photosOf(db: Db | Trx, activityIds: readonly string[]) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('winnerActivityPhotos')
    .select([
      'id',
      'activityId',
      'fileName',
      'contentType',
      'bytes',
      'width',
      'height',
      'storageKey',
      'publicKey',
    ])
    .where('activityId', 'in', activityIds)
    .orderBy('uploadedAt')
    .orderBy('id')
    .execute();
}

export type PhotoRow = Awaited<ReturnType<typeof photosOf>>[number];
