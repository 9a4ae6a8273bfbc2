/** The pool of a campaign as the setup reads it: each expert with their account and organisation. */
import type { Db, Trx } from '#server/platform/db/database.ts';

function poolQuery(db: Db | Trx) {
  return db
    .selectFrom('reviewExperts as e')
    .innerJoin('accounts as a', 'a.id', 'e.expertId')
    .innerJoin('organisations as o', 'o.id', 'a.organisationId')
    .select([
      'e.campaignId',
      'e.expertId',
      'a.displayName as name',
      'a.username',
      'a.organisationId',
      'o.name as organisationName',
      'o.path as organisationPath',
      'e.panels',
      'e.chairOf',
      'e.employerName',
      'e.employerCreditCode',
      'e.province',
      'e.field',
      // Sealed (migration 0028): the setup shows the envelope's mask, recusal compares the hash.
      'e.idNumberSealed',
      'e.idNumberHash',
      'e.minLoad',
      'e.maxLoad',
      'e.relations',
      'e.version',
    ]);
}

export type PoolRow = Awaited<ReturnType<typeof listPool>>[number];

export function listPool(db: Db | Trx, campaignId: string) {
  return poolQuery(db)
    .where('e.campaignId', '=', campaignId)
    .orderBy('e.createdAt')
    .orderBy('a.username')
    .execute();
}

export function findPoolExpert(db: Db | Trx, campaignId: string, expertId: string) {
  return poolQuery(db)
    .where('e.campaignId', '=', campaignId)
    .where('e.expertId', '=', expertId)
    .executeTakeFirst();
}

export function lockPoolExpert(trx: Trx, campaignId: string, expertId: string) {
  return poolQuery(trx)
    .where('e.campaignId', '=', campaignId)
    .where('e.expertId', '=', expertId)
    .forUpdate('e')
    .executeTakeFirst();
}

export async function isInPool(db: Db | Trx, campaignId: string, expertId: string): Promise<boolean> {
  const row = await db
    .selectFrom('reviewExperts')
    .select('expertId')
    .where('campaignId', '=', campaignId)
    .where('expertId', '=', expertId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Submitted reviews of an expert in a campaign's rounds: once there are any, the expert stays. */
export async function submittedReviewCount(db: Db | Trx, campaignId: string, expertId: string) {
  const row = await db
    .selectFrom('reviews as r')
    .innerJoin('reviewRounds as rr', 'rr.id', 'r.roundId')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('rr.campaignId', '=', campaignId)
    .where('r.expertId', '=', expertId)
    .where('r.state', '=', 'submitted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An account as the pool looks at it: roles, organisation and its place in the tree. */
export function findExpertAccount(db: Db | Trx, accountId: string) {
  return db
    .selectFrom('accounts as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisationId')
    .select([
      'a.id',
      'a.displayName',
      'a.roles',
      'a.disabled',
      'a.organisationId',
      'o.name as organisationName',
      'o.path as organisationPath',
    ])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
}
