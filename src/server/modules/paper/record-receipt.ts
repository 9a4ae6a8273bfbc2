import { todayInShanghai } from '#core/calendar/today.ts';
import { type ReceiptInput, receiptFindings } from '#core/paper/records.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import { applyPaperMove } from './apply-paper-move.ts';
import { paperContext, requirementFor } from './paper-context.ts';
import { findPaperRecord } from './queries.ts';
import { sentences } from './record-dispatch.ts';
import { paperRules } from './rules.ts';

/** The organiser records (or corrects) what arrived from a unit: date, copies, seal, disc, a note. */
export async function recordReceipt(
  db: Db,
  actor: Actor,
  campaignId: string,
  unitId: string,
  input: ReceiptInput & { version?: number },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const { campaign, unit, subject } = await paperContext(trx, actor, campaignId, unitId);
    if (!paperRules.can(actor, 'receive', subject)) {
      throw forbidden('纸质材料的签收由组织单位登记，报送单位登记寄送。');
    }
    const requirement = await requirementFor(trx, campaign, unit.id);
    const record = await findPaperRecord(trx, campaign.id, unit.id);
    const findings = receiptFindings(input, {
      today: todayInShanghai(now),
      dispatchedOn: record?.dispatchedOn ?? null,
      disc: requirement.disc,
    });
    if (findings.length > 0) throw new AppError('VALIDATION_FAILED', sentences(findings), { findings });
    return applyPaperMove(
      trx,
      actor,
      { campaign, unit },
      {
        side: 'organiser',
        to: 'received',
        requirement,
        version: input.version,
        now,
        facts: {
          receivedOn: input.receivedOn,
          copiesReceived: input.copiesReceived,
          sealPresent: input.sealPresent,
          discReadable: input.discReadable,
          receiptNote: input.note.trim() || null,
          receivedBy: actor.accountId,
        },
      },
    );
  });
}
