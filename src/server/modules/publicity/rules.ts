/**
 * Who may do what with a unit's own 公示 records (house rule 2): the unit's submitters record and change
 * their own while the campaign takes submissions; the campaign's organisers see every unit's; no unit
 * sees another's.
 */
import { organisesCampaign as isCampaignOrganiser } from '#core/campaign/organiser-scope.ts';
import { hasRole, type Principal } from '#server/platform/auth/actor.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';

export interface PublicitySubject {
  unitId: string;
  organiserPath: string;
  campaignStatus: string;
}

/** The unit's own submitters (the same predicate as nominations', which this module must not import). */
export const isOwnUnit = (actor: Principal, s: Pick<PublicitySubject, 'unitId'>) =>
  actor.organisationId === s.unitId && hasRole(actor, 'unit_submitter');

/** The campaign's own organisation's admins; not those above it (decision 0015). */
export const organisesCampaign = (actor: Principal, s: Pick<PublicitySubject, 'organiserPath'>) =>
  isCampaignOrganiser(actor, s.organiserPath);

export const publicityRules = authorizer<'view' | 'edit' | 'delete', PublicitySubject>({
  view: (actor, s) => isOwnUnit(actor, s) || organisesCampaign(actor, s),
  edit: (actor, s) => isOwnUnit(actor, s) && s.campaignStatus === 'open',
  delete: (actor, s) => isOwnUnit(actor, s) && s.campaignStatus === 'open',
});
