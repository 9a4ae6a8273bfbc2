/** What a campaign move will do, with its counts and dates, for the status buttons' confirmation. */
import { previewCampaignMove } from '#core/campaign/move-preconditions.ts';
import type { CampaignState } from '#core/campaign/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { campaignRules } from './rules.ts';
import { visibleCampaign } from './service.ts';

export async function previewMove(db: Db, actor: Actor, id: string, to: CampaignState, now: Date) {
  const campaign = await visibleCampaign(db, actor, id);
  campaignRules.authorize(actor, 'transition', campaign);
  const rows = await db
    .selectFrom('nominations')
    .select(['state', (eb) => eb.fn.countAll<string>().as('count')])
    .where('campaignId', '=', campaign.id)
    .groupBy('state')
    .execute();
  return previewCampaignMove(campaign.status, to, {
    now,
    deadlineAt: campaign.deadlineAt ? new Date(campaign.deadlineAt) : null,
    counts: Object.fromEntries(rows.map((r) => [r.state, Number(r.count)])),
  });
}
