/**
 * Who may do what in a campaign's expert review setup (house rule 2): the campaign's organiser admins (or
 * above) manage the pool, conflicts, rounds and assignments; an expert of the pool declares their own
 * conflicts; a reporting unit's submitters ask that experts stay away from their own nominations.
 */
import { hasRole, type Principal } from '#server/platform/auth/actor.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';
import { isOrganiserOf, isUnitSubmitter } from '../nominations/rules.ts';

export interface ReviewSetupSubject {
  organiserPath: string;
  /** Whether the actor sits in the campaign's pool. */
  inPool: boolean;
}

export const reviewSetupRules = authorizer<'manage' | 'declare', ReviewSetupSubject>({
  manage: isOrganiserOf,
  declare: (actor, s) => s.inPool && hasRole(actor, 'expert'),
});

export const mayRequestExclusions = (actor: Principal, nomination: { unitId: string }) =>
  isUnitSubmitter(actor, nomination);
