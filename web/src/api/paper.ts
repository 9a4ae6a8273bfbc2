/** Stamped paper copies: a campaign's overview, a unit's dispatch and scan, the organiser's receipt. */
import { useQuery } from '@tanstack/react-query';
import type {
  DispatchInput,
  PaperOverviewResponse,
  PaperUnitResponse,
  ReceiptInput,
} from '#core/contract/paper.ts';
import { api } from './client.ts';

export type {
  DispatchInput,
  PaperOverview,
  PaperRequirement,
  PaperState,
  PaperUnit,
  ReceiptInput,
} from '#core/contract/paper.ts';

export const paperKey = (campaignId: string) => ['paper', campaignId] as const;
const base = (campaignId: string, unitId: string) =>
  `/api/campaigns/${encodeURIComponent(campaignId)}/paper/${encodeURIComponent(unitId)}`;

export function usePaper(campaignId: string) {
  return useQuery({
    queryKey: paperKey(campaignId),
    queryFn: () => api<PaperOverviewResponse>(`/api/campaigns/${encodeURIComponent(campaignId)}/paper`),
  });
}

export async function recordDispatch(campaignId: string, unitId: string, input: DispatchInput) {
  return (
    await api<PaperUnitResponse>(`${base(campaignId, unitId)}/dispatch`, { method: 'PUT', body: input })
  ).unit;
}

export async function recordReceipt(campaignId: string, unitId: string, input: ReceiptInput) {
  return (await api<PaperUnitResponse>(`${base(campaignId, unitId)}/receipt`, { method: 'PUT', body: input }))
    .unit;
}

export async function uploadScan(campaignId: string, unitId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return (await api<PaperUnitResponse>(`${base(campaignId, unitId)}/scan`, { method: 'POST', body: form }))
    .unit;
}
