/**
 * Which moves a nomination offers now, and why a move is refused: the transition table, the campaign's
 * state and the unit's effective deadline (its extension, else the campaign's) at `now`. The server's one
 * transition function guards with `moveRefusal`, its responses offer `availableMoves`, and saving the
 * form follows `editRefusal`; so a button is on the page exactly when the server would take the click.
 */
import { formatBeijingDateTime } from '../calendar/beijing-time.ts';
import { CAMPAIGN_STATES, isCampaignState } from '../campaign/states.ts';
import {
  type ActorKind,
  campaignStateLabels,
  EDITABLE_STATES,
  findTransition,
  type NominationState,
  type NominationTransition,
  transitionProblem,
  transitionsFrom,
} from './states.ts';

/** A unit's deadline as an instant (ms since the epoch), null when the campaign has none yet. */
export interface UnitDeadline {
  at: number | null;
  /** The organiser granted this unit its own, later deadline. */
  extended: boolean;
}

export interface MoveContext {
  actor: ActorKind;
  /** The campaign's status (campaign/states.ts). */
  campaignState: string;
  deadline: UnitDeadline;
  /** ms since the epoch: the server's clock, a job's planned time, or a test's. */
  now: number;
  /**
   * The campaign's rule 逾期视为自动放弃 (rules.submission.lateCountsAsWithdrawn): without it, work left
   * open at the deadline stays as it is (it can no longer be submitted) instead of being withdrawn.
   */
  lateCountsAsWithdrawn?: boolean;
}

/** Stable codes of a refused move or edit (the server answers each with 409). */
export const MOVE_REFUSAL_CODES = [
  'MOVE_NOT_ALLOWED',
  'MOVE_NOT_IN_CAMPAIGN_STATE',
  'LATE_WITHDRAWAL_NOT_IN_RULES',
  'DEADLINE_NOT_PASSED',
  'DEADLINE_PASSED',
  'NOMINATION_NOT_EDITABLE',
  'CAMPAIGN_NOT_OPEN',
] as const;
export type MoveRefusalCode = (typeof MOVE_REFUSAL_CODES)[number];

export interface MoveRefusal {
  code: MoveRefusalCode;
  message: string;
}

export function isPastUnitDeadline(deadline: UnitDeadline, now: number): boolean {
  return deadline.at !== null && now > deadline.at;
}

export function deadlinePassedMessage(deadline: UnitDeadline): string {
  const when = deadline.at === null ? '' : `（${formatBeijingDateTime(deadline.at)}）`;
  return `${deadline.extended ? '延期后的' : ''}报送截止时间${when}已过，不能再提交或修改。如有特殊情况，请联系组织单位申请延期。`;
}

function campaignRefusal(transition: NominationTransition, campaignState: string): MoveRefusal | undefined {
  if ((transition.campaignStates as readonly string[]).includes(campaignState)) return undefined;
  const now = isCampaignState(campaignState) ? `活动当前为“${CAMPAIGN_STATES[campaignState]}”，` : '';
  return {
    code: 'MOVE_NOT_IN_CAMPAIGN_STATE',
    message: `${now}「${transition.label}」仅在活动处于${campaignStateLabels(transition)}状态时可以进行。`,
  };
}

function deadlineRefusal(transition: NominationTransition, ctx: MoveContext): MoveRefusal | undefined {
  const passed = isPastUnitDeadline(ctx.deadline, ctx.now);
  if (transition.beforeDeadlineOnly && passed) {
    return { code: 'DEADLINE_PASSED', message: deadlinePassedMessage(ctx.deadline) };
  }
  if (transition.afterDeadlineOnly && ctx.lateCountsAsWithdrawn !== true) {
    return {
      code: 'LATE_WITHDRAWAL_NOT_IN_RULES',
      message: '本活动规则未规定“逾期视为自动放弃”，截止时未提交的推介保留原状，不作撤回处理。',
    };
  }
  if (transition.afterDeadlineOnly && !passed) {
    const when = ctx.deadline.at === null ? '' : `（${formatBeijingDateTime(ctx.deadline.at)}）`;
    return {
      code: 'DEADLINE_NOT_PASSED',
      message: `报送单位的${ctx.deadline.extended ? '延期' : ''}截止时间${when}未到，不能按逾期处理。`,
    };
  }
  return undefined;
}

/** Why `from → to` cannot be taken now by this actor; undefined when the server will take it. */
export function moveRefusal(
  from: NominationState,
  to: NominationState,
  ctx: MoveContext,
): MoveRefusal | undefined {
  const transition = findTransition(from, to, ctx.actor);
  if (!transition) {
    return { code: 'MOVE_NOT_ALLOWED', message: transitionProblem(from, to, ctx.actor) ?? '不能变更状态。' };
  }
  return campaignRefusal(transition, ctx.campaignState) ?? deadlineRefusal(transition, ctx);
}

/** The moves to offer: exactly those `moveRefusal` lets through. */
export function availableMoves(from: NominationState, ctx: MoveContext): NominationTransition[] {
  return transitionsFrom(from, ctx.actor).filter((t) => moveRefusal(from, t.to, ctx) === undefined);
}

/**
 * Why the unit cannot change the form (or its material) now: only a draft or a returned nomination,
 * only while the campaign takes submissions, only before the unit's deadline. Editing what can no
 * longer be submitted would only lose the unit's work.
 */
export function editRefusal(
  state: NominationState,
  ctx: Omit<MoveContext, 'actor'>,
): MoveRefusal | undefined {
  if (!EDITABLE_STATES.has(state)) {
    return {
      code: 'NOMINATION_NOT_EDITABLE',
      message: '推介已提交，内容已冻结；如需修改，请先撤回（截止前）或等待退回修改。',
    };
  }
  if (ctx.campaignState !== 'open') {
    const label = isCampaignState(ctx.campaignState) ? CAMPAIGN_STATES[ctx.campaignState] : '';
    return {
      code: 'CAMPAIGN_NOT_OPEN',
      message: `活动当前为“${label}”，不在报送期，推介不能再修改。`,
    };
  }
  if (isPastUnitDeadline(ctx.deadline, ctx.now)) {
    return { code: 'DEADLINE_PASSED', message: deadlinePassedMessage(ctx.deadline) };
  }
  return undefined;
}
