/**
 * An objection as the public makes it and the organiser handles it: submitted through the objections
 * module (the captcha asked and answered as a person would), then moved to the state the test names by
 * the objection's one transition function, as the organiser's 受理/认定/复核/答复 make it. 异议成立 is
 * confirmed by a second organiser admin (made here when the test gives none).
 */

import { SubmitObjectionInput } from '#core/contract/objections.ts';
import { idCheckCharacter } from '#core/identity/id-number.ts';
import type { ObjectionState } from '#core/objection/states.ts';
import { issueCaptcha } from '#server/modules/objections/captcha.ts';
import { submitObjection } from '#server/modules/objections/submit-objection.ts';
import { handleObjection } from '#server/modules/objections/transition-objection.ts';
import { answer } from '../captcha.ts';
import { type HasContext, newAccount, type TestAccount } from './accounts.ts';
import type { TestAnnouncement } from './announcements.ts';

export interface TestObjection {
  id: string;
  receipt: string;
  /** The phone the objector gave: with the receipt it looks the objection up. */
  phone: string;
}

const ID_NUMBER = (() => {
  const first = '22010219800101123';
  return first + idCheckCharacter(first);
})();

/** The moves from 待受理 to each state, with the reasons the steps need. */
const PATHS: Record<ObjectionState, readonly { to: ObjectionState; reason?: string }[]> = {
  received: [],
  investigating: [{ to: 'investigating' }],
  rejected: [{ to: 'rejected', reason: '异议未写明具体事实，不予受理。' }],
  upheld_proposed: [{ to: 'investigating' }, { to: 'upheld_proposed', reason: '经核实，所反映情况属实。' }],
  upheld: [
    { to: 'investigating' },
    { to: 'upheld_proposed', reason: '经核实，所反映情况属实。' },
    { to: 'upheld' },
  ],
  dismissed: [{ to: 'investigating' }, { to: 'dismissed', reason: '经核实，所反映情况与事实不符。' }],
  replied: [
    { to: 'investigating' },
    { to: 'dismissed', reason: '经核实，所反映情况与事实不符。' },
    { to: 'replied', reason: '经核实，您反映的情况与事实不符，特此答复。' },
  ],
};

let address = 10;

/**
 * An objection to an entry of an open 公示 (`entry`, default its first), in `state` (default 待受理). Any
 * state past 待受理 needs `handler`, an organiser admin of the campaign; 异议成立 also `confirmer` (else
 * a second organiser admin is made).
 */
export async function newObjection(
  t: HasContext,
  announcement: TestAnnouncement,
  options: {
    state?: ObjectionState;
    entry?: { id: string };
    handler?: TestAccount;
    confirmer?: TestAccount;
    phone?: string;
  } = {},
): Promise<TestObjection> {
  const { context } = t;
  const state = options.state ?? 'received';
  const phone = options.phone ?? '13912345678';
  const entry = options.entry ?? announcement.entries[0];
  if (!entry) throw new Error('newObjection: the announcement has no entry');
  const captcha = issueCaptcha(context.clock.now());
  const input = SubmitObjectionInput.parse({
    announcementId: announcement.id,
    entryId: entry.id,
    objectorKind: 'person',
    name: '王某某',
    idNumber: ID_NUMBER,
    workplace: '长春市某中学',
    phone,
    facts: '该同志申报材料中所述荣誉经查询无相关记录，请组织单位核实。',
    captcha: { token: captcha.token, answer: answer(captcha.question) },
  });
  const { receipt } = await submitObjection(context, input, [], { ip: `198.51.100.${address++ % 250}` });
  const { id } = await context.db
    .selectFrom('objections')
    .select('id')
    .where('receipt', '=', receipt)
    .executeTakeFirstOrThrow();
  const steps = PATHS[state];
  if (steps.length > 0 && !options.handler)
    throw new Error(`newObjection({ state: '${state}' }) needs the organiser admin who handles it`);
  for (const step of steps) {
    let by = options.handler!;
    if (step.to === 'upheld')
      by =
        options.confirmer ??
        (await newAccount(t, by, { organisationId: by.organisationId, roles: ['organiser_admin'] }));
    const { entryRemoved } = await handleObjection(
      context.db,
      by.actor,
      id,
      { to: step.to, reason: step.reason },
      context.clock.now(),
    );
    if (entryRemoved) context.publicPages.changed();
  }
  return { id, receipt, phone };
}

/** Moves an objection on as the organiser's handler does (e.g. 认定异议不成立 of one under 调查核实). */
export async function moveObjection(
  t: HasContext,
  handler: TestAccount,
  objection: { id: string },
  to: ObjectionState,
  reason?: string,
) {
  return handleObjection(t.context.db, handler.actor, objection.id, { to, reason }, t.context.clock.now());
}
