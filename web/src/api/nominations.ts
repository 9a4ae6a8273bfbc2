/**
 * Nomination calls: drafts saved with `version`, submit / withdraw / 形式审查 / other transitions from the
 * state table, the unit's 推介登记表 (排序 and the special pick), the organiser's quota dashboard,
 * forwarding to the national round, and the Excel export of any list the caller may see.
 */
import { useQuery } from '@tanstack/react-query';
import type { Category } from '#core/campaign/rules.ts';
import type {
  BulkAcceptResponse,
  ForwardResponse,
  NextToCheckResponse,
  Nomination,
  NominationFilter,
  NominationListResponse,
  NominationResponse,
  NominationSummary,
  QuotaDashboardResponse,
  RegistryFields,
  RegistryFindingsResponse,
} from '#core/contract/nominations.ts';
import type { Finding } from '#core/findings.ts';
import type { NominationState } from '#core/nomination/states.ts';
import { api, send, withQuery } from './client.ts';
import { saveBlob } from './imports.ts';

export type {
  CategoryUse,
  CheckedNomination,
  Forwarded,
  Nomination,
  NominationAction,
  NominationFilter,
  NominationFinding,
  NominationSummary,
  NominationTransitionOption,
  RegistryFields,
  UnitQuotaUse,
} from '#core/contract/nominations.ts';
export type { Category, Finding, NominationState };

export const NOMINATIONS_KEY = ['nominations'] as const;

export const nominationKey = (id: string) => [...NOMINATIONS_KEY, 'detail', id] as const;
export const nominationListKey = (filter: NominationFilter) => [...NOMINATIONS_KEY, 'list', filter] as const;

const path = (id: string, rest = '') => `/api/nominations/${encodeURIComponent(id)}${rest}`;
const query = (filter: NominationFilter) => ({
  campaignId: filter.campaignId,
  unitId: filter.unitId,
  category: filter.category,
  state: filter.state,
});

export async function listNominations(filter: NominationFilter): Promise<NominationSummary[]> {
  return (await api<NominationListResponse>(withQuery('/api/nominations', query(filter)))).items;
}

export function useNominations(filter: NominationFilter, enabled = true) {
  return useQuery({
    queryKey: nominationListKey(filter),
    queryFn: () => listNominations(filter),
    enabled,
  });
}

export async function getNomination(id: string): Promise<Nomination> {
  return (await api<NominationResponse>(path(id))).nomination;
}

export function useNomination(id: string) {
  return useQuery({ queryKey: nominationKey(id), queryFn: () => getNomination(id) });
}

export async function createNomination(campaignId: string, category: Category): Promise<Nomination> {
  return (
    await api<NominationResponse>('/api/nominations', {
      method: 'POST',
      body: { campaignId, category },
    })
  ).nomination;
}

export async function saveNomination(
  id: string,
  form: Record<string, unknown>,
  version: number,
): Promise<Nomination> {
  return (await api<NominationResponse>(path(id), { method: 'PUT', body: { form, version } })).nomination;
}

/**
 * Previous winners and other nominations matching the form on the screen, without saving it. A unit
 * reads only that the person or programme was nominated or has won, and whom to ask.
 */
export async function checkRegistry(id: string, form: RegistryFields) {
  return (
    await api<RegistryFindingsResponse>(path(id, '/registry-findings'), { method: 'POST', body: { form } })
  ).findings;
}

export async function submitNomination(id: string): Promise<Nomination> {
  return (await api<NominationResponse>(path(id, '/submit'), { method: 'POST', body: {} })).nomination;
}

export async function withdrawNomination(id: string, reason?: string): Promise<Nomination> {
  return (
    await api<NominationResponse>(path(id, '/withdraw'), {
      method: 'POST',
      body: reason ? { reason } : {},
    })
  ).nomination;
}

export async function reviewNomination(
  id: string,
  decision: 'accept' | 'return',
  reason?: string,
): Promise<Nomination> {
  return (
    await api<NominationResponse>(path(id, '/review'), {
      method: 'POST',
      body: reason ? { decision, reason } : { decision },
    })
  ).nomination;
}

export async function transitionNomination(
  id: string,
  to: NominationState,
  reason?: string,
): Promise<Nomination> {
  return (
    await api<NominationResponse>(path(id, '/transitions'), {
      method: 'POST',
      body: reason ? { to, reason } : { to },
    })
  ).nomination;
}

/** The unit's whole 排序 of its quota-holding nominations in one category. */
export async function orderRegistration(
  campaignId: string,
  category: Category,
  order: string[],
): Promise<NominationSummary[]> {
  return (
    await api<NominationListResponse>('/api/nominations/registration', {
      method: 'PUT',
      body: { campaignId, category, order },
    })
  ).items;
}

export async function requestReview(id: string, requested: boolean): Promise<Nomination> {
  return (
    await api<NominationResponse>(path(id, '/review-request'), {
      method: 'POST',
      body: { requested },
    })
  ).nomination;
}

/** The next nomination waiting for the formal check after this one, and how many others wait. */
export function nextToCheck(id: string): Promise<NextToCheckResponse> {
  return api<NextToCheckResponse>(path(id, '/next-to-check'));
}

/** 批量通过: all accepted, or none (the error names the one that could not be). */
export async function acceptMany(campaignId: string, nominationIds: string[]) {
  return (
    await api<BulkAcceptResponse>(`/api/campaigns/${encodeURIComponent(campaignId)}/formal-check/accept`, {
      method: 'POST',
      body: { nominationIds },
    })
  ).accepted;
}

export async function markSpecial(id: string, special: boolean): Promise<Nomination> {
  return (await api<NominationResponse>(path(id, '/special'), { method: 'POST', body: { special } }))
    .nomination;
}

export async function quotaDashboard(campaignId: string) {
  return (
    await api<QuotaDashboardResponse>(`/api/campaigns/${encodeURIComponent(campaignId)}/quota-dashboard`)
  ).units;
}

export function useQuotaDashboard(campaignId: string, enabled = true) {
  return useQuery({
    queryKey: [...NOMINATIONS_KEY, 'quota', campaignId],
    queryFn: () => quotaDashboard(campaignId),
    enabled,
  });
}

export async function forwardNominations(campaignId: string, targetCampaignId: string) {
  return (
    await api<ForwardResponse>(`/api/campaigns/${encodeURIComponent(campaignId)}/forward`, {
      method: 'POST',
      body: { targetCampaignId },
    })
  ).forwarded;
}

/** The file name the server gives in Content-Disposition (filename*=UTF-8''…), else the fallback. */
export function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (!match?.[1]) return fallback;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return fallback;
  }
}

/** Fetched rather than linked, so an expired session shows a message instead of saving an error page. */
export async function exportNominations(filter: NominationFilter, fallbackName: string): Promise<void> {
  const response = await send(withQuery('/api/nominations/export', query(filter)));
  saveBlob(await response.blob(), fileNameOf(response, fallbackName));
}
