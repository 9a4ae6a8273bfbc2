/** Accounts with the expert role the organiser may invite: in the organiser's subtree, active, by name. */
import { sql } from 'kysely';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { managedCampaign } from './pool-context.ts';

const LIMIT = 50;

export async function searchExpertCandidates(db: Db, actor: Actor, campaignId: string, q: string) {
  const campaign = await managedCampaign(db, actor, campaignId);
  let query = db
    .selectFrom('accounts as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisationId')
    .leftJoin('reviewExperts as e', (join) =>
      join.onRef('e.expertId', '=', 'a.id').on('e.campaignId', '=', campaign.id),
    )
    .select([
      'a.id as accountId',
      'a.displayName as name',
      'a.username',
      'o.name as organisationName',
      'e.expertId',
    ])
    .where('o.path', 'like', `${actor.organisationPath}%`)
    .where(sql<boolean>`'expert' = ANY(a.roles)`)
    .where('a.disabled', '=', false);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([
        eb('a.username', 'ilike', like),
        eb('a.displayName', 'ilike', like),
        eb('o.name', 'ilike', like),
      ]),
    );
  }
  const rows = await query.orderBy('a.displayName').orderBy('a.username').limit(LIMIT).execute();
  return rows.map(({ expertId, ...r }) => ({ ...r, inPool: expertId !== null }));
}
