/**
 * Campaign calls: the list, one campaign with its rules, history and extensions, rule saves guarded by
 * `rulesVersion`, state transitions, unit extensions and the 公示 period by the campaign's own rules.
 */
import { useQuery } from '@tanstack/react-query';
import type { CampaignRules, RuleChange } from '#core/campaign/index.ts';
import type { CampaignState } from '#core/campaign/states.ts';
import type {
  AnnouncementPeriodResponse,
  CampaignDetail,
  CampaignListResponse,
  CampaignResponse,
  CampaignSummary,
  ExtensionsResponse,
  NewCampaign,
  NewExtension,
  TemplateList,
} from '#core/contract/campaigns.ts';
import type { Finding } from '#core/findings.ts';
import { ApiError, api, withQuery } from './client.ts';

export type {
  CampaignAction,
  CampaignDetail,
  CampaignSummary,
  CampaignTemplate,
  Extension,
  NewCampaign,
  NewExtension,
  ReportingUnit,
  RulesHistoryEntry,
} from '#core/contract/campaigns.ts';
export type { CampaignRules, CampaignState, Finding, RuleChange };

export const CAMPAIGNS_KEY = ['campaigns'] as const;

export const campaignKey = (id: string) => [...CAMPAIGNS_KEY, 'detail', id] as const;

const path = (id: string, rest = '') => `/api/campaigns/${encodeURIComponent(id)}${rest}`;

export async function listCampaigns(): Promise<CampaignSummary[]> {
  return (await api<CampaignListResponse>('/api/campaigns')).items;
}

export function useCampaigns() {
  return useQuery({ queryKey: [...CAMPAIGNS_KEY, 'list'], queryFn: listCampaigns });
}

export async function listTemplates() {
  return (await api<TemplateList>('/api/campaign-templates')).items;
}

export async function createCampaign(input: NewCampaign): Promise<CampaignSummary> {
  return (await api<CampaignResponse>('/api/campaigns', { method: 'POST', body: input })).campaign;
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
  return (await api<CampaignResponse>(path(id, '/transitions'), { method: 'POST', body: { to } })).campaign;
}

export async function grantExtension(id: string, input: NewExtension) {
  return (await api<ExtensionsResponse>(path(id, '/extensions'), { method: 'POST', body: input })).extensions;
}

export function announcementPeriod(id: string, from: string): Promise<AnnouncementPeriodResponse> {
  return api<AnnouncementPeriodResponse>(withQuery(path(id, '/announcement-period'), { from }));
}

/** Findings the server sent with a 400/422 (`details.findings`), or none. */
export function findingsOf(error: unknown): Finding[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { findings?: unknown } | undefined;
  return Array.isArray(details?.findings) ? (details.findings as Finding[]) : [];
}
