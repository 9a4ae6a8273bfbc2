import type { Category } from '#core/campaign/rules.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';

export function latestProposal(db: Db | Trx, roundId: string, category: Category) {
  return db
    .selectFrom('shortlistProposals')
    .selectAll()
    .where('roundId', '=', roundId)
    .where('category', '=', category)
    .orderBy('proposedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function listProposals(db: Db | Trx, campaignId: string, filter: { category?: Category } = {}) {
  let query = db
    .selectFrom('shortlistProposals as p')
    .leftJoin('accounts as by', 'by.id', 'p.proposedBy')
    .leftJoin('accounts as cb', 'cb.id', 'p.confirmedBy')
    .selectAll('p')
    .select(['by.displayName as proposedByName', 'cb.displayName as confirmedByName'])
    .where('p.campaignId', '=', campaignId);
  if (filter.category) query = query.where('p.category', '=', filter.category);
  return query.orderBy('p.proposedAt', 'desc').orderBy('p.id', 'desc').execute();
}

export function findProposal(db: Db | Trx, campaignId: string, id: string, lock = false) {
  let query = db
    .selectFrom('shortlistProposals')
    .selectAll()
    .where('campaignId', '=', campaignId)
    .where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}
