/**
 * The stamped paper copies a reporting unit posts to its organiser: the one state enum and the one
 * transition table of that record (house rule 1). `none` is a unit that has recorded nothing yet. The
 * unit records its dispatch and may correct it until the organiser records what arrived; the organiser
 * records the receipt (also of a parcel whose dispatch was never recorded) and may correct it; a unit
 * whose parcel arrived short (too few copies, no seal, an unreadable disc) posts again (补寄).
 */
import { CAMPAIGN_STATES, type CampaignState } from '../campaign/states.ts';

export const PAPER_STATES = {
  none: '未寄送',
  dispatched: '已寄出',
  received: '已签收',
} as const;

export type PaperState = keyof typeof PAPER_STATES;

/** The states a kept record can be in: `none` is the absence of a record, never stored. */
export const RECORDED_PAPER_STATES = ['dispatched', 'received'] as const satisfies readonly PaperState[];
export type RecordedPaperState = (typeof RECORDED_PAPER_STATES)[number];
export type PaperActor = 'unit' | 'organiser';

export interface PaperTransition {
  from: PaperState;
  to: PaperState;
  /** The verb on the button and in the audit log. */
  label: string;
  actor: PaperActor;
  campaignStates: readonly CampaignState[];
  /** Only when the receipt found something wrong (补寄). */
  afterProblemOnly: boolean;
}

/** Units post while reporting runs and while the organiser checks (a parcel posted in time arrives later). */
const UNIT: readonly CampaignState[] = ['open', 'reviewing'];
const ORGANISER: readonly CampaignState[] = ['open', 'reviewing', 'announcing'];

function t(
  from: PaperState,
  to: PaperState,
  label: string,
  actor: PaperActor,
  afterProblemOnly = false,
): PaperTransition {
  return { from, to, label, actor, campaignStates: actor === 'unit' ? UNIT : ORGANISER, afterProblemOnly };
}

export const PAPER_TRANSITIONS: readonly PaperTransition[] = [
  t('none', 'dispatched', '登记寄送', 'unit'),
  t('dispatched', 'dispatched', '更正寄送信息', 'unit'),
  t('none', 'received', '登记签收', 'organiser'),
  t('dispatched', 'received', '登记签收', 'organiser'),
  t('received', 'received', '更正签收信息', 'organiser'),
  t('received', 'dispatched', '补寄', 'unit', true),
];

export interface PaperMoveContext {
  campaignState: string;
  /** What the receipt found wrong; 补寄 is offered only when there is something. */
  receiptProblems: readonly string[];
}

/**
 * Whether `actor` may move the record from `from` to `to` now: the transition, or the Chinese reason
 * why not. The server's guard and the moves a response offers both come from here.
 */
export function paperMove(
  from: PaperState,
  to: PaperState,
  actor: PaperActor,
  context: PaperMoveContext,
): { ok: true; transition: PaperTransition } | { ok: false; message: string } {
  const transition = PAPER_TRANSITIONS.find((tr) => tr.from === from && tr.to === to && tr.actor === actor);
  if (!transition) {
    if (actor === 'unit' && from === 'received')
      return { ok: false, message: '组织单位已签收纸质材料，不能再修改寄送信息；如有问题请联系组织单位。' };
    if (actor === 'unit') return { ok: false, message: '纸质材料的签收由组织单位登记。' };
    return { ok: false, message: '纸质材料的寄送信息由报送单位登记。' };
  }
  if (!transition.campaignStates.includes(context.campaignState as CampaignState)) {
    const states = transition.campaignStates.map((s) => `“${CAMPAIGN_STATES[s]}”`).join('、');
    return { ok: false, message: `「${transition.label}」仅在活动处于${states}状态时可以进行。` };
  }
  if (transition.afterProblemOnly && context.receiptProblems.length === 0)
    return { ok: false, message: '组织单位已签收且材料齐全，无需补寄。' };
  return { ok: true, transition };
}

/** The moves `actor` may take from `from` now, by the same rule as `paperMove`. */
export function paperMovesFor(
  from: PaperState,
  actor: PaperActor,
  context: PaperMoveContext,
): PaperTransition[] {
  return PAPER_TRANSITIONS.filter((tr) => tr.from === from && tr.actor === actor).filter(
    (tr) => paperMove(from, tr.to, actor, context).ok,
  );
}
