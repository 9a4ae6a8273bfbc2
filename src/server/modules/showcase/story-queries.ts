import type { Db, Trx } from '#server/platform/db/database.ts';

/** The published winners of a campaign, with their forms and whatever public text they have. */
export function winnersWithStories(db: Db | Trx, campaignId: string) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('resultNotices as r', 'r.campaignId', 'n.campaignId')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .leftJoin('showcaseStories as s', 's.nominationId', 'n.id')
    .select([
      'n.id',
      'n.category',
      'n.special',
      'n.title',
      'n.form',
      'u.name as unitName',
      's.text',
      's.state',
      's.version',
      's.editedAt',
      's.approvedAt',
    ])
    .where('n.campaignId', '=', campaignId)
    .where('n.state', 'in', ['selected', 'forwarded'])
    .orderBy('n.category')
    .orderBy('n.special', 'desc')
    .orderBy('n.rank')
    .execute();
}

/** A published winner with its round's organiser, its form and its story row, locked with `lock`. */
export async function findPublishedWinner(db: Db | Trx, nominationId: string, lock = false) {
  let query = db
    .selectFrom('nominations as n')
    .innerJoin('resultNotices as r', 'r.campaignId', 'n.campaignId')
    .innerJoin('campaigns as c', 'c.id', 'n.campaignId')
    .innerJoin('organisations as o', 'o.id', 'c.organiserId')
    .leftJoin('showcaseStories as s', 's.nominationId', 'n.id')
    .select([
      'n.id',
      'n.campaignId',
      'n.category',
      'n.title',
      'n.form',
      'o.path as organiserPath',
      's.text',
      's.state',
      's.version',
    ])
    .where('n.id', '=', nominationId)
    .where('n.state', 'in', ['selected', 'forwarded']);
  if (lock) query = query.forUpdate('n');
  return query.executeTakeFirst();
}
