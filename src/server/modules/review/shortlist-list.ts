import { CATEGORIES, type Category } from '#core/campaign/rules.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { forbidden } from '#server/platform/errors.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { chairOf, rankingRules } from './ranking-rules.ts';
import { presentProposal } from './shortlist-presenter.ts';
import { listProposals } from './shortlist-queries.ts';

/** The proposals of a campaign, newest first: the categories the caller chairs, or all for the organiser. */
export async function getShortlistProposals(db: Db, actor: Actor, campaignId: string, category?: Category) {
  const campaign = await visibleCampaign(db, actor, campaignId);
  const chaired = await chairOf(db, campaign.id, actor.accountId);
  const may = (c: Category) =>
    rankingRules.can(actor, 'view', { organiserPath: campaign.organiserPath, category: c, chairOf: chaired });
  if (!CATEGORIES.some(may)) throw forbidden();
  const rows = await listProposals(db, campaign.id, { category });
  return { items: rows.filter((row) => may(row.category)).map((row) => presentProposal(row)) };
}
