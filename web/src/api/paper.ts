/** Stamped paper copies: a campaign's overview, a unit's dispatch and scan, the organiser's receipt. */
import { useQuery } from '@tanstack/react-query';
import type { PaperStanding } from '#core/paper/status.ts';
import { api } from './client.ts';

export type PaperState = 'none' | 'dispatched' | 'received';

export interface PaperRequirement {
  copies: number;
  forms: { title: string; copies: number }[];
  disc: boolean;
  address: string | null;
}

export interface PaperUnit {
  unitId: string;
  unitName: string;
  state: PaperState;
  stateLabel: string;
  standing: PaperStanding;
  standingLabel: string;
  requirement: PaperRequirement;
  dispatch: { courier: string; trackingNumber: string; dispatchedOn: string; late: boolean } | null;
  scan: { fileName: string; format: 'pdf' | 'jpeg'; bytes: number; sha256: string; url: string } | null;
  receipt: {
    receivedOn: string;
    copiesReceived: number;
    sealPresent: boolean;
    discReadable: boolean | null;
    note: string;
    problems: string[];
  } | null;
  moves: { to: PaperState; label: string }[];
  version: number | null;
}

export interface PaperOverview {
  requirement: PaperRequirement;
  deadlineAt: string | null;
  summary: {
    notDispatched: number;
    inTransit: number;
    received: number;
    receivedWithProblems: number;
    notNeeded: number;
  };
  units: PaperUnit[];
}

export interface DispatchInput {
  courier: string;
  trackingNumber: string;
  dispatchedOn: string;
  version?: number;
}

export interface ReceiptInput {
  receivedOn: string;
  copiesReceived: number;
  sealPresent: boolean;
  discReadable: boolean | null;
  note: string;
  version?: number;
}

export const paperKey = (campaignId: string) => ['paper', campaignId] as const;
const base = (campaignId: string, unitId: string) =>
  `/api/campaigns/${encodeURIComponent(campaignId)}/paper/${encodeURIComponent(unitId)}`;

export function usePaper(campaignId: string) {
  return useQuery({
    queryKey: paperKey(campaignId),
    queryFn: () => api<PaperOverview>(`/api/campaigns/${encodeURIComponent(campaignId)}/paper`),
  });
}

export async function recordDispatch(campaignId: string, unitId: string, input: DispatchInput) {
  return (
    await api<{ unit: PaperUnit }>(`${base(campaignId, unitId)}/dispatch`, { method: 'PUT', body: input })
  ).unit;
}

export async function recordReceipt(campaignId: string, unitId: string, input: ReceiptInput) {
  return (
    await api<{ unit: PaperUnit }>(`${base(campaignId, unitId)}/receipt`, { method: 'PUT', body: input })
  ).unit;
}

export async function uploadScan(campaignId: string, unitId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return (await api<{ unit: PaperUnit }>(`${base(campaignId, unitId)}/scan`, { method: 'POST', body: form }))
    .unit;
}
