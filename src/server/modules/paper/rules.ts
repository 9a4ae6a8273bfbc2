/**
 * Who may do what with a unit's paper record (house rule 2): the unit's own submitters record its
 * dispatch and upload the scan; the campaign's organisers record the receipt; both see it.
 */
import type { Principal } from '#server/platform/auth/actor.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';
import { isOrganiserOf, isUnitSubmitter } from '../nominations/rules.ts';

export interface PaperSubject {
  unitId: string;
  organiserPath: string;
}

export const paperRules = authorizer<'view' | 'dispatch' | 'receive', PaperSubject>({
  view: (actor, s) => isUnitSubmitter(actor, s) || isOrganiserOf(actor, s),
  dispatch: isUnitSubmitter,
  receive: isOrganiserOf,
});

export const mayRecordDispatch = (actor: Principal, s: PaperSubject) => paperRules.can(actor, 'dispatch', s);
