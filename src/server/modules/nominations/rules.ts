import { organisesCampaign, supervisesCampaign } from '#core/campaign/organiser-scope.ts';
import { organiserMaySee } from '#core/nomination/visibility.ts';
import { hasRole, type Principal } from '#server/platform/auth/actor.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';

export interface NominationSubject {
  unitId: string;
  organiserPath: string;
  /** Needed to `view`: the organiser sees a nomination only from its submission on (a draft is the unit's). */
  state?: string;
  reviewRequestedAt?: Date | string | null;
  /** Needed to `view` as a supervisor: the campaign rules' `supervision.parentMayView`. */
  parentMayView?: boolean;
}

/** The nominating unit's own submitters. */
export const isUnitSubmitter = (actor: Principal, n: Pick<NominationSubject, 'unitId'>) =>
  actor.organisationId === n.unitId && hasRole(actor, 'unit_submitter');

/** The campaign's own organisation's admins; not those above it (decision 0015). */
export const isOrganiserOf = (actor: Principal, n: Pick<NominationSubject, 'organiserPath'>) =>
  organisesCampaign(actor, n.organiserPath);

/** An admin above the organiser, where the campaign allows it: reads, masked, never writes. */
export const isSupervisorOf = (
  actor: Principal,
  n: Pick<NominationSubject, 'organiserPath' | 'parentMayView'>,
) =>
  supervisesCampaign(actor, {
    organiserPath: n.organiserPath,
    supervision: { parentMayView: n.parentMayView === true },
  });

/**
 * Who may do what with a nomination; its state and the deadline are the transition table's business,
 * except that the organiser sees a draft only when its unit asks (core/nomination/visibility.ts).
 * Experts see nominations once review assignments exist (not yet).
 */
export const nominationRules = authorizer<
  'view' | 'edit' | 'actAsUnit' | 'actAsOrganiser' | 'seeIdentity',
  NominationSubject
>({
  view: (actor, n) =>
    isUnitSubmitter(actor, n) ||
    ((isOrganiserOf(actor, n) || isSupervisorOf(actor, n)) &&
      n.state !== undefined &&
      organiserMaySee({ ...n, state: n.state })),
  edit: isUnitSubmitter,
  actAsUnit: isUnitSubmitter,
  actAsOrganiser: isOrganiserOf,
  // PIPL: ID numbers and phones in full only to the owning unit and the organiser, never a supervisor.
  seeIdentity: (actor, n) => isUnitSubmitter(actor, n) || isOrganiserOf(actor, n),
});
