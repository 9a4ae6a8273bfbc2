/**
 * Whether a handler may move an objection from one state to another now: the transition table, the
 * handler's standing, and the second signature on 成立 (the one who proposed it cannot confirm it; the
 * confirmer is an organiser admin of the campaign's own organiser). The moves a response offers come
 * from this same rule.
 */
import {
  findObjectionTransition,
  OBJECTION_STATES,
  type ObjectionState,
  type ObjectionTransition,
  objectionMovesFrom,
} from './states.ts';

export interface ObjectionMoveContext {
  actorId: string;
  /** The campaign's organiser handles its objections (its admins, or a platform admin above). */
  isHandler: boolean;
  /** An organiser admin of the campaign's organiser itself: who may confirm 成立. */
  isOrganiserAdmin: boolean;
  /** Who proposed 成立, while it waits for the second signature. */
  proposedBy: string | null;
}

export type ObjectionMoveAnswer =
  | { ok: true; transition: ObjectionTransition }
  | {
      ok: false;
      code: 'OBJECTION_MOVE_NOT_ALLOWED' | 'SECOND_SIGNATURE_REQUIRED' | 'FORBIDDEN';
      message: string;
    };

export function objectionMove(
  from: ObjectionState,
  to: ObjectionState,
  context: ObjectionMoveContext,
): ObjectionMoveAnswer {
  const transition = findObjectionTransition(from, to);
  if (!transition)
    return {
      ok: false,
      code: 'OBJECTION_MOVE_NOT_ALLOWED',
      message: `异议当前为「${OBJECTION_STATES[from]}」，不能改为「${OBJECTION_STATES[to]}」。`,
    };
  if (!context.isHandler) return { ok: false, code: 'FORBIDDEN', message: '异议由公示的组织单位处理。' };
  if (transition.secondSignature) {
    if (context.proposedBy === context.actorId)
      return {
        ok: false,
        code: 'SECOND_SIGNATURE_REQUIRED',
        message: '拟认定异议成立须由另一位组织方管理员复核，提出认定的人不能自己复核。',
      };
    if (!context.isOrganiserAdmin)
      return {
        ok: false,
        code: 'SECOND_SIGNATURE_REQUIRED',
        message: '复核须由本活动组织单位的组织方管理员进行。',
      };
  }
  return { ok: true, transition };
}

/** The moves the caller may make from `from` now: what the handling page offers as buttons. */
export function allowedObjectionMoves(
  from: ObjectionState,
  context: ObjectionMoveContext,
): ObjectionTransition[] {
  return objectionMovesFrom(from).filter((t) => objectionMove(from, t.to, context).ok);
}

/** A move that needs a reason (or the reply's text) and has none. */
export function reasonMissing(
  transition: ObjectionTransition,
  reason: string | undefined,
): string | undefined {
  if (!transition.requiresReason || (reason ?? '').trim()) return undefined;
  return transition.to === 'replied' ? '请填写答复异议人的内容。' : `「${transition.label}」须写明理由。`;
}
