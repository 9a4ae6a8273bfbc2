import { organisesCampaign, supervisesCampaign } from '#core/campaign/organiser-scope.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { hasRole, inSubtree, type Principal } from '#server/platform/auth/actor.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';

export interface CampaignSubject {
  organiserPath: string;
  status: string;
  /** Needed to `view` as a supervisor: whether the rules let an organisation above look (read-only). */
  rules?: Pick<CampaignRules, 'supervision'>;
}

/** A reporting unit of a campaign is an organisation directly below its organiser. */
export function isReportingUnitOf(actor: Principal, organiserPath: string): boolean {
  if (!actor.organisationPath.startsWith(organiserPath)) return false;
  return actor.organisationPath.slice(organiserPath.length).split('/').filter(Boolean).length === 1;
}

/** The campaign's own organisation's admins; an organisation above it is not its organiser (decision 0015). */
const organises = (actor: Principal, c: CampaignSubject) => organisesCampaign(actor, c.organiserPath);

const supervises = (actor: Principal, c: CampaignSubject) =>
  supervisesCampaign(actor, { organiserPath: c.organiserPath, supervision: c.rules?.supervision });

export const campaignRules = authorizer<
  'view' | 'editRules' | 'transition' | 'grantExtension' | 'nominate',
  CampaignSubject
>({
  view: (actor, c) =>
    organises(actor, c) ||
    supervises(actor, c) ||
    (hasRole(actor, 'expert', 'approver') && inSubtree(actor, c.organiserPath)) ||
    (c.status !== 'draft' && isReportingUnitOf(actor, c.organiserPath)),
  // Rules stay editable until the review starts; later changes would change what units were judged by.
  editRules: (actor, c) => organises(actor, c) && (c.status === 'draft' || c.status === 'open'),
  transition: organises,
  grantExtension: (actor, c) => organises(actor, c) && c.status === 'open',
  // A reporting unit's submitters start nominations while the campaign is open (the deadline is checked on each write).
  nominate: (actor, c) =>
    c.status === 'open' && isReportingUnitOf(actor, c.organiserPath) && hasRole(actor, 'unit_submitter'),
});

/** Organiser admins open campaigns of their own organisation. */
export const canCreateCampaign = (actor: Principal) => hasRole(actor, 'organiser_admin', 'platform_admin');
