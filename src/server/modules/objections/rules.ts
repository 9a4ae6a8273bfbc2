/**
 * Who may do what with an objection (house rule 2). The campaign's organiser handles it: its admins (and
 * platform admins above) accept, investigate, conclude and answer, and only they see who objected, each
 * view logged. 成立 is confirmed by an organiser admin of the campaign's own organiser (the second
 * signature, core/objection/moves.ts). The nominating unit's submitters see the facts, never the objector,
 * and answer a request to explain.
 */
import { hasRole, type Principal } from '#server/platform/auth/actor.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';
import { isOrganiserOf, isUnitSubmitter } from '../nominations/rules.ts';

export interface ObjectionSubject {
  organiserId: string;
  organiserPath: string;
  /** The nominating unit of the entry objected to. */
  unitId: string;
  /** Whether the unit was asked to explain (and the objection is still being looked into). */
  explanationOpen: boolean;
}

export const objectionRules = authorizer<
  'handle' | 'seeIdentity' | 'confirm' | 'viewAsUnit' | 'explain',
  ObjectionSubject
>({
  handle: isOrganiserOf,
  seeIdentity: isOrganiserOf,
  confirm: (actor, s) => hasRole(actor, 'organiser_admin') && actor.organisationId === s.organiserId,
  viewAsUnit: isUnitSubmitter,
  explain: (actor, s) => isUnitSubmitter(actor, s) && s.explanationOpen,
});

export const mayHandle = (actor: Principal, s: ObjectionSubject) => objectionRules.can(actor, 'handle', s);
