/**
 * Campaign calls: the list, one campaign with its rules, history and extensions, rule saves guarded by
 * `rulesVersion`, state transitions, unit extensions and the 公示 period by the campaign's own rules.
 */
import { useQuery } from '@tanstack/react-query';
import type { CampaignRules, RuleChange } from '#core/campaign/index.ts';
import type { CampaignState } from '#core/campaign/states.ts';
import type { OrganisationType } from '#core/campaign/unit-types.ts';
import type { Finding } from '#core/findings.ts';
import { ApiError, api, withQuery } from './client.ts';

export type { CampaignRules, CampaignState, Finding, RuleChange };

export const CAMPAIGNS_KEY = ['campaigns'] as const;

/** `nominate`: the caller's unit may start nominations now (campaign open, its own deadline not passed). */
export type CampaignAction = 'view' | 'editRules' | 'transition' | 'grantExtension' | 'nominate';

export interface CampaignSummary {
  id: string;
  organiserId: string;
  organiserName: string;
  title: string;
  year: number;
  level: string;
  levelLabel: string;
  status: CampaignState;
  statusLabel: string;
  /** YYYY-MM-DD in Beijing time, or null while a copied campaign is being prepared. */
  deadline: string | null;
  /** The end of the deadline minute as an ISO instant. */
  deadlineAt: string | null;
  rulesVersion: number;
  version: number;
  templateId: string | null;
  actions: CampaignAction[];
  transitions: { to: CampaignState; label: string }[];
}

export interface RulesHistoryEntry {
  rulesVersion: number;
  changedAt: string;
  changedBy: string | null;
  afterOpening: boolean;
  changes: RuleChange[];
}

export interface Extension {
  organisationId: string;
  organisationName: string;
  until: string;
  reason: string;
}

/** A unit that reports to a campaign: a direct child of its organiser. */
export interface ReportingUnit {
  id: string;
  name: string;
  type: OrganisationType;
  typeLabel: string;
}

export interface CampaignDetail {
  campaign: CampaignSummary;
  rules: CampaignRules;
  findings: Finding[];
  history: RulesHistoryEntry[];
  extensions: Extension[];
  reportingUnits: ReportingUnit[];
}

export interface CampaignTemplate {
  id: string;
  title: string;
  year: number;
  level: string;
  organisers: string[];
}

export const campaignKey = (id: string) => [...CAMPAIGNS_KEY, 'detail', id] as const;

const path = (id: string, rest = '') => `/api/campaigns/${encodeURIComponent(id)}${rest}`;

export async function listCampaigns(): Promise<CampaignSummary[]> {
  return (await api<{ items: CampaignSummary[] }>('/api/campaigns')).items;
}

export function useCampaigns() {
  return useQuery({ queryKey: [...CAMPAIGNS_KEY, 'list'], queryFn: listCampaigns });
}

export async function listTemplates(): Promise<CampaignTemplate[]> {
  return (await api<{ items: CampaignTemplate[] }>('/api/campaign-templates')).items;
}

export type NewCampaign = { templateId: string } | { copyFromCampaignId: string; year: number };

export async function createCampaign(input: NewCampaign): Promise<CampaignSummary> {
  return (await api<{ campaign: CampaignSummary }>('/api/campaigns', { method: 'POST', body: input }))
    .campaign;
}

export function getCampaign(id: string): Promise<CampaignDetail> {
  return api<CampaignDetail>(path(id));
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: campaignKey(id), queryFn: () => getCampaign(id) });
}

export function saveRules(id: string, rules: CampaignRules, rulesVersion: number): Promise<CampaignDetail> {
  return api<CampaignDetail>(path(id, '/rules'), { method: 'PUT', body: { rules, rulesVersion } });
}

export async function transitionCampaign(id: string, to: CampaignState): Promise<CampaignSummary> {
  return (
    await api<{ campaign: CampaignSummary }>(path(id, '/transitions'), { method: 'POST', body: { to } })
  ).campaign;
}

export interface NewExtension {
  organisationId: string;
  /** ISO 8601 with the +08:00 offset. */
  until: string;
  reason: string;
}

export async function grantExtension(id: string, input: NewExtension): Promise<Extension[]> {
  return (await api<{ extensions: Extension[] }>(path(id, '/extensions'), { method: 'POST', body: input }))
    .extensions;
}

export interface AnnouncementPeriod {
  from: string;
  workingDays: number;
  countStart: boolean;
  end: string;
}

export function announcementPeriod(id: string, from: string): Promise<AnnouncementPeriod> {
  return api<AnnouncementPeriod>(withQuery(path(id, '/announcement-period'), { from }));
}

/** Findings the server sent with a 400/422 (`details.findings`), or none. */
export function findingsOf(error: unknown): Finding[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { findings?: unknown } | undefined;
  return Array.isArray(details?.findings) ? (details.findings as Finding[]) : [];
}
