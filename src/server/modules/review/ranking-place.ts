import type { Category } from '#core/campaign/rules.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { notFound } from '#server/platform/errors.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { isOrganiserOf } from '../nominations/rules.ts';
import { chairOf, type RankingSubject, rankingRules } from './ranking-rules.ts';
import { recusedNominations } from './review-access.ts';
import type { RoundRow } from './transition-round.ts';

export interface RankingPlace {
  campaign: CampaignRow;
  round: RoundRow;
  subject: RankingSubject;
  /** What the caller is recused from (a chair may be): left out of everything the caller sees. */
  hidden: ReadonlySet<string>;
}

/**
 * The campaign (404 when the caller may not see it), its round (the given one, else the latest), and
 * what the caller may do with the category's ranking; refused (403) when they may not even see it.
 */
export async function rankingPlace(
  db: Db | Trx,
  actor: Actor,
  campaignId: string,
  roundId: string | undefined,
  category: Category,
  lock = false,
): Promise<RankingPlace> {
  const campaign = await visibleCampaign(db, actor, campaignId, lock);
  const subject: RankingSubject = {
    organiserPath: campaign.organiserPath,
    category,
    chairOf: await chairOf(db, campaign.id, actor.accountId),
  };
  rankingRules.authorize(actor, 'view', subject);
  let query = db.selectFrom('reviewRounds').selectAll().where('campaignId', '=', campaign.id);
  query = roundId ? query.where('id', '=', roundId) : query.orderBy('position', 'desc').limit(1);
  const round = await query.executeTakeFirst();
  if (!round) throw notFound('评审轮次');
  const hidden = isOrganiserOf(actor, subject)
    ? new Set<string>()
    : await recusedNominations(db, actor.accountId, campaign.id);
  return { campaign, round, subject, hidden };
}
