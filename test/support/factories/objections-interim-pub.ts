/**
 * Stand-in for obj's objection factory until it is merged: an objection row as submitObjection and the
 * handling leave it (a receipt, a person's identity, the phone's hash), in the state the test names.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ObjectionState } from '#core/objection/states.ts';
import type { TestApp } from '../app.ts';

const CONCLUSIONS: Partial<Record<ObjectionState, 'rejected' | 'upheld' | 'dismissed'>> = {
  rejected: 'rejected',
  upheld: 'upheld',
  dismissed: 'dismissed',
};

export async function newObjection(
  t: TestApp,
  announcementId: string,
  entryId: string,
  options: { state?: ObjectionState } = {},
) {
  const phone = '13800138000';
  const state = options.state ?? 'received';
  // SQL on purpose: the row as obj's submitObjection and handling leave it, until obj is merged.
  const row = await t.context.db
    .insertInto('objections')
    .values({
      announcementId,
      entryId,
      receipt: `YY${randomUUID().slice(0, 8).toUpperCase()}`,
      state,
      objectorKind: 'person',
      objector: JSON.stringify({ name: '王某', idNumber: '110101199003071234', workplace: '某单位', phone }),
      phoneHash: createHash('sha256').update(phone).digest('hex'),
      facts: '该同志的学习事迹与实际情况不符。',
      submittedAt: t.context.clock.now(),
      conclusion: CONCLUSIONS[state] ?? null,
    })
    .returning(['id', 'receipt'])
    .executeTakeFirstOrThrow();
  return row;
}

/** The handling reached an end (as obj's transition function would leave it). */
export async function settleObjection(t: TestApp, id: string, state: 'dismissed' | 'replied' | 'rejected') {
  // SQL on purpose: what obj's transition function leaves, until obj is merged.
  await t.context.db
    .updateTable('objections')
    .set({ state, conclusion: state === 'replied' ? 'dismissed' : state })
    .where('id', '=', id)
    .execute();
}
