/**
 * An expert of the pool declares a conflict (回避) on a nomination of the campaign, with a reason. It is
 * their own word (never dismissed); their assignment of it in rounds not yet closed goes, with any draft
 * review, and the nomination disappears from their lists. A nomination they are already recused from does
 * not exist for them, as on every other route.
 */
import type { z } from 'zod';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { DeclareConflictBody } from '#core/contract/review-setup.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { forbidden, notFound } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { REVIEWED_STATES } from './conflicts-facts.ts';
import { recomputeConflicts } from './conflicts-recompute.ts';
import { findPoolExpert } from './pool-queries.ts';
import { reviewSetupRules } from './pool-rules.ts';
import { isRecused } from './review-access.ts';

export async function declareConflict(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: z.output<typeof DeclareConflictBody>,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaign(trx, actor, campaignId, true);
    const expert = await findPoolExpert(trx, campaign.id, actor.accountId);
    if (!reviewSetupRules.can(actor, 'declare', { organiserPath: campaign.organiserPath, inPool: !!expert }))
      throw forbidden('只有本次活动的评审专家可以申请回避');
    const nomination = await trx
      .selectFrom('nominations')
      .select(['id', 'category', 'state', 'title'])
      .where('id', '=', input.nominationId)
      .where('campaignId', '=', campaign.id)
      .executeTakeFirst();
    if (
      !nomination ||
      !(REVIEWED_STATES as readonly string[]).includes(nomination.state) ||
      !expert!.panels.includes(nomination.category) ||
      (await isRecused(trx, actor.accountId, nomination.id))
    )
      throw notFound('推介');
    await trx
      .insertInto('reviewDeclarations')
      .values({ nominationId: nomination.id, expertId: actor.accountId, reason: input.reason })
      .execute();
    await recordAudit(trx, actor, {
      action: 'review.conflict_declared',
      entityType: 'nomination',
      entityId: nomination.id,
      scopePath: campaign.organiserPath,
      after: { expertId: actor.accountId, reason: input.reason },
    });
    const removed = await recomputeConflicts(trx, campaign.id, todayInShanghai(now), actor);
    return { declared: true as const, assignmentsRemoved: removed.length };
  });
}
