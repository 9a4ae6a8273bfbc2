/**
 * The organiser dismisses one computed reason of a conflict as a false positive (同名不同人), with a
 * reason, audited. What the expert declared is their own word: never dismissed (core's checkDismissal).
 */
import type { z } from 'zod';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { DismissConflictBody } from '#core/contract/review-setup.ts';
import { checkDismissal } from '#core/review/conflict-requests.ts';
import type { ConflictCheck } from '#core/review/conflicts.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { recomputeConflicts } from './conflicts-recompute.ts';
import { assertSetupOpen, managedCampaign } from './pool-context.ts';

export async function dismissConflict(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: z.output<typeof DismissConflictBody>,
  now: Date,
) {
  const today = todayInShanghai(now);
  return db.transaction().execute(async (trx) => {
    const campaign = await managedCampaign(trx, actor, campaignId, true);
    assertSetupOpen(campaign);
    const row = await trx
      .selectFrom('reviewConflicts')
      .select(['conflicted', 'reasons'])
      .where('campaignId', '=', campaign.id)
      .where('nominationId', '=', input.nominationId)
      .where('expertId', '=', input.expertId)
      .executeTakeFirst();
    const check: ConflictCheck = {
      expertId: input.expertId,
      nominationId: input.nominationId,
      conflicted: row?.conflicted ?? false,
      reasons: (row?.reasons ?? []) as ConflictCheck['reasons'],
      dismissed: [],
    };
    const findings = checkDismissal(check, input);
    if (findings.some((f) => f.code === 'DISMISSAL_NOT_ALLOWED'))
      throw new AppError('CONFLICT_NOT_DISMISSABLE', findings[0]!.message, { findings });
    if (findings.length > 0)
      throw new AppError('VALIDATION_FAILED', findings.map((f) => f.message).join('；'), { findings });
    await trx
      .insertInto('reviewDismissals')
      .values({ ...input, dismissedBy: actor.accountId })
      .onConflict((oc) =>
        oc.columns(['nominationId', 'expertId', 'code']).doUpdateSet({ reason: input.reason }),
      )
      .execute();
    const reason = check.reasons.find((r) => r.code === input.code)!;
    await recordAudit(trx, actor, {
      action: 'review.conflict_dismissed',
      entityType: 'nomination',
      entityId: input.nominationId,
      scopePath: campaign.organiserPath,
      before: { expertId: input.expertId, conflict: reason.message },
      after: { expertId: input.expertId, code: input.code, reason: input.reason },
    });
    await recomputeConflicts(trx, campaign.id, today, actor);
  });
}
