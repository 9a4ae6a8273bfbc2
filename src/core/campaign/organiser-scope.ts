/**
 * Who organises a campaign, and who may look over its shoulder (issue #15, decision 0015).
 *
 * The organiser of a campaign is its own organisation: that organisation's admins change its rules,
 * accept and return its nominations, see its nominees' ID numbers, run its review, 公示 and results.
 * An organisation above it (the national association above a province) is not its organiser: a province
 * runs its own round under its own notice. It may supervise, read-only and with personal data masked,
 * only where the campaign's rules say so (`supervision.parentMayView`, off unless switched on).
 * Forwarding to the national round is not supervision: the forwarded copies are the national campaign's
 * own nominations, organised by the national association.
 */
import type { Role } from '../accounts/roles.ts';

/** The campaign rules' switch; absent in rules stored before it existed, which means off. */
export interface CampaignSupervision {
  /** An organisation above the organiser may see the campaign and its nominations, read-only and masked. */
  parentMayView: boolean;
}

export interface ScopeActor {
  organisationPath: string;
  roles: readonly Role[];
}

export interface ScopedCampaign {
  /** The organiser organisation's tree path (`/root/province/`), decision 0003. */
  organiserPath: string;
  supervision?: CampaignSupervision;
}

/**
 * `organiser`: an admin of the campaign's own organisation. `supervisor`: an admin of an organisation
 * above it where the campaign allows supervision. `above`: an admin above it where it does not (the
 * campaign exists for them, but is not theirs: refused, not hidden). `none`: everybody else.
 */
export type CampaignStanding = 'organiser' | 'supervisor' | 'above' | 'none';

const ADMIN_ROLES: readonly Role[] = ['platform_admin', 'organiser_admin'];

export const isAdmin = (actor: ScopeActor) => actor.roles.some((r) => ADMIN_ROLES.includes(r));

/** True when `ancestor` is a strict ancestor of `path` in the organisation tree. */
export const isStrictlyAbove = (ancestor: string, path: string) =>
  ancestor !== path && path.startsWith(ancestor);

export const parentMayView = (campaign: Pick<ScopedCampaign, 'supervision'>) =>
  campaign.supervision?.parentMayView === true;

export function campaignStanding(actor: ScopeActor, campaign: ScopedCampaign): CampaignStanding {
  if (!isAdmin(actor)) return 'none';
  if (actor.organisationPath === campaign.organiserPath) return 'organiser';
  if (!isStrictlyAbove(actor.organisationPath, campaign.organiserPath)) return 'none';
  return parentMayView(campaign) ? 'supervisor' : 'above';
}

/** Acts for the campaign: the only standing that writes, or sees personal data in full. */
export const organisesCampaign = (actor: ScopeActor, organiserPath: string) =>
  campaignStanding(actor, { organiserPath }) === 'organiser';

/** Reads the campaign and its submitted nominations, masked, and never writes. */
export const supervisesCampaign = (actor: ScopeActor, campaign: ScopedCampaign) =>
  campaignStanding(actor, campaign) === 'supervisor';

/** The Chinese refusal for an admin above the organiser: says whose campaign it is and what to ask for. */
export function notTheOrganiserMessage(organiserName?: string | null): string {
  const whose = organiserName ? `由${organiserName}组织` : '由其所属单位组织';
  return `该推介活动${whose}，只有其组织单位可以办理；上级单位仅在活动规则允许时可只读查看。`;
}
