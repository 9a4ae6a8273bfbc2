import { todayInShanghai } from '#core/calendar/today.ts';
import { type DispatchInput, dispatchFindings, normaliseTrackingNumber } from '#core/paper/records.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import { isOrganiserOf } from '../nominations/rules.ts';
import { applyPaperMove, NO_RECEIPT } from './apply-paper-move.ts';
import { paperContext, requirementFor } from './paper-context.ts';
import { findPaperRecord } from './queries.ts';
import { paperRules } from './rules.ts';

/** Joined as sentences, each already ending in 。. */
export const sentences = (findings: { message: string }[]) => findings.map((f) => f.message).join('');

/** The unit records (or corrects, or after a short receipt repeats) the posting of its paper copies. */
export async function recordDispatch(
  db: Db,
  actor: Actor,
  campaignId: string,
  unitId: string,
  input: DispatchInput & { version?: number },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const { campaign, unit, subject } = await paperContext(trx, actor, campaignId, unitId);
    if (!paperRules.can(actor, 'dispatch', subject)) {
      throw forbidden(
        isOrganiserOf(actor, subject)
          ? '纸质材料的寄送信息由报送单位登记，组织单位登记签收。'
          : '只能登记本单位纸质材料的寄送情况，不能替其他单位登记。',
      );
    }
    const findings = dispatchFindings(input, todayInShanghai(now));
    if (findings.length > 0) throw new AppError('VALIDATION_FAILED', sentences(findings), { findings });
    const before = await findPaperRecord(trx, campaign.id, unit.id);
    return applyPaperMove(
      trx,
      actor,
      { campaign, unit },
      {
        side: 'unit',
        to: 'dispatched',
        requirement: await requirementFor(trx, campaign, unit.id),
        version: input.version,
        now,
        facts: {
          courier: input.courier.trim(),
          trackingNumber: normaliseTrackingNumber(input.trackingNumber),
          dispatchedOn: input.dispatchedOn,
          dispatchedBy: actor.accountId,
          // Posting again after a short receipt: the old receipt no longer describes what is on its way.
          ...(before?.state === 'received' ? NO_RECEIPT : {}),
        },
      },
    );
  });
}
