/**
 * The one function that changes an objection's state (house rule 1): guard by core's objectionMove (the
 * transition table, the handler, the second signature on 成立), the reason or reply required, the
 * working-day deadline of the next step, the handling log, notifications and the audit row, in the
 * caller's transaction. Confirming 成立 takes the entry off the 公示 in the same transaction.
 */
import type { Insertable } from 'kysely';
import { todayInShanghai } from '#core/calendar/today.ts';
import { objectionDue } from '#core/objection/deadlines.ts';
import { objectionMove, reasonMissing } from '#core/objection/moves.ts';
import { OBJECTION_STATES, type ObjectionState } from '#core/objection/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import type { ObjectionsTable } from '#server/platform/db/schema-decision.ts';
import { AppError, forbidden, notFound, staleVersion } from '#server/platform/errors.ts';
import { removeAnnouncementEntry } from '../announcements/remove-entry.ts';
import { recordAudit } from '../audit/service.ts';
import { notify } from '../notifications/notify.ts';
import { dueOrThrow, organiserCalendar } from './calendar.ts';
import { addEvent, findObjection, type ObjectionRow, organiserAdmins } from './queries.ts';
import { moveContextOf } from './subject.ts';

export interface ObjectionMoveInput {
  to: ObjectionState;
  reason?: string;
  now: Date;
}

/** Creation is the first write of the state: an objection starts 待受理 (received). */
export async function insertObjection(trx: Trx, values: Omit<Insertable<ObjectionsTable>, 'state'>) {
  return trx
    .insertInto('objections')
    .values({ ...values, state: 'received' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function applyObjectionTransition(
  trx: Trx,
  actor: Actor,
  row: ObjectionRow,
  input: ObjectionMoveInput,
): Promise<{ entryRemoved: boolean }> {
  const { now, to } = input;
  const answer = objectionMove(row.state, to, moveContextOf(actor, row));
  if (!answer.ok) {
    if (answer.code === 'FORBIDDEN') throw forbidden(answer.message);
    throw new AppError(answer.code, answer.message);
  }
  const { transition } = answer;
  const missing = reasonMissing(transition, input.reason);
  if (missing) throw new AppError('VALIDATION_FAILED', missing);
  const reason = input.reason?.trim() || null;
  const today = todayInShanghai(now);
  const due = async (step: 'conclude' | 'reply') =>
    dueOrThrow(objectionDue(await organiserCalendar(trx, row.organiserId), step, today));

  const set: Partial<Omit<Insertable<ObjectionsTable>, 'state'>> = {};
  if (to === 'investigating' && row.state === 'received') set.concludeDue = await due('conclude');
  if (to === 'investigating' && row.state === 'upheld_proposed') set.proposedBy = null;
  if (to === 'upheld_proposed') Object.assign(set, { proposedBy: actor.accountId, conclusionReason: reason });
  if (to === 'rejected' || to === 'dismissed')
    Object.assign(set, { conclusion: to, conclusionReason: reason, replyDue: await due('reply') });
  if (to === 'upheld')
    Object.assign(set, { conclusion: 'upheld', confirmedBy: actor.accountId, replyDue: await due('reply') });
  if (to === 'replied') Object.assign(set, { reply: reason, repliedAt: now });

  await trx
    .updateTable('objections')
    .set({ ...set, state: to, version: row.version + 1, updatedAt: now })
    .where('id', '=', row.id)
    .execute();
  await addEvent(trx, {
    objectionId: row.id,
    kind: 'transition',
    label: transition.label,
    note: reason ?? '',
    actor,
    at: now,
  });

  let entryRemoved = false;
  if (to === 'upheld') {
    await removeAnnouncementEntry(trx, actor, {
      entryId: row.entryId,
      reason: `异议成立（回执 ${row.receipt}）：${row.conclusionReason ?? ''}`.replace(/：$/, ''),
      now,
    });
    entryRemoved = true;
  }
  if (to === 'upheld_proposed') {
    const others = (await organiserAdmins(trx, row.organiserId)).filter((id) => id !== actor.accountId);
    await notify(trx, others, {
      kind: 'objection_to_confirm',
      title: `对「${row.entryName}」的异议拟认定成立，请复核`,
      body: `${actor.displayName}提出：${reason ?? ''}`,
      link: `/campaigns/${row.campaignId}?tab=objections&objection=${row.id}`,
    });
  }
  await recordAudit(trx, actor, {
    action: 'objection.moved',
    entityType: 'objection',
    entityId: row.id,
    scopePath: row.organiserPath,
    before: { state: OBJECTION_STATES[row.state], receipt: row.receipt },
    after: { state: OBJECTION_STATES[to], receipt: row.receipt, reason },
  });
  return { entryRemoved };
}

/** 受理 / 不予受理 / 拟认定成立 / 认定不成立 / 复核 / 答复 by the organiser's handler, in one transaction. */
export async function handleObjection(
  db: Db,
  actor: Actor,
  id: string,
  input: { to: ObjectionState; reason?: string; version?: number },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const row = await findObjection(trx, id, true);
    if (!row || !moveContextOf(actor, row).isHandler) throw notFound('异议');
    if (input.version !== undefined && input.version !== row.version) throw staleVersion();
    return applyObjectionTransition(trx, actor, row, { to: input.to, reason: input.reason, now });
  });
}
