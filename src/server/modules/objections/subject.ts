import type { ObjectionMoveContext } from '#core/objection/moves.ts';
import { OPEN_OBJECTION_STATES } from '#core/objection/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { ObjectionRow } from './queries.ts';
import { type ObjectionSubject, objectionRules } from './rules.ts';

export function subjectOf(row: ObjectionRow): ObjectionSubject {
  return {
    organiserId: row.organiserId,
    organiserPath: row.organiserPath,
    unitId: row.unitId,
    explanationOpen: row.explanationRequestedAt !== null && OPEN_OBJECTION_STATES.includes(row.state),
  };
}

/** What core's move rule needs to know of the caller: the same for the guard and the offered moves. */
export function moveContextOf(actor: Actor, row: ObjectionRow): ObjectionMoveContext {
  const subject = subjectOf(row);
  return {
    actorId: actor.accountId,
    isHandler: objectionRules.can(actor, 'handle', subject),
    isOrganiserAdmin: objectionRules.can(actor, 'confirm', subject),
    proposedBy: row.proposedBy,
  };
}
