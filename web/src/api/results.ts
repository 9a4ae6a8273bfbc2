/**
 * 审定与公布: where a campaign stands between 公示 and 公布, the approver's worklist and decisions
 * (审定通过, 退回 with a reason), the organiser's request for approval and publication, and the notice's
 * files.
 */
import { useQuery } from '@tanstack/react-query';
import type { ApprovalsListResponse, ResultsStatusResponse } from '#core/contract/results.ts';
import { api, send } from './client.ts';
import { saveBlob } from './imports.ts';
import { fileNameOf } from './nominations.ts';

export type { ApprovalsListResponse, ResultsStatusResponse } from '#core/contract/results.ts';

export const APPROVALS_KEY = ['approvals'] as const;
export const resultsKey = (campaignId: string) => ['campaign-results', campaignId] as const;

export function useApprovals() {
  return useQuery({ queryKey: APPROVALS_KEY, queryFn: () => api<ApprovalsListResponse>('/api/approvals') });
}

export function useResultsStatus(campaignId: string | undefined) {
  return useQuery({
    queryKey: resultsKey(campaignId ?? ''),
    queryFn: () => api<ResultsStatusResponse>(`/api/campaigns/${campaignId}/results`),
    enabled: Boolean(campaignId),
  });
}

export function approveCampaign(campaignId: string, comment: string) {
  return api<{ selected: number }>(`/api/campaigns/${campaignId}/approval`, {
    method: 'POST',
    body: { comment },
  });
}

export function returnCampaign(campaignId: string, reason: string) {
  return api<{ notified: number }>(`/api/campaigns/${campaignId}/approval/return`, {
    method: 'POST',
    body: { reason },
  });
}

export function requestApproval(campaignId: string) {
  return api<{ approvers: number; notified: number }>(`/api/campaigns/${campaignId}/approval/request`, {
    method: 'POST',
    body: {},
  });
}

export function publishResults(campaignId: string, docNumber: string) {
  return api<{ winners: number; registry: { entered: number; linked: number }; pdf: boolean }>(
    `/api/campaigns/${campaignId}/results/publish`,
    { method: 'POST', body: { docNumber } },
  );
}

export type NoticeFormat = 'docx' | 'pdf' | 'xlsx';

export async function downloadNotice(campaignId: string, format: NoticeFormat): Promise<void> {
  const response = await send(`/api/campaigns/${campaignId}/results/notice/${format}`);
  saveBlob(await response.blob(), fileNameOf(response, `推介结果通知.${format}`));
}
