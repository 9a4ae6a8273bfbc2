/** 异议: the organiser's handling (list, detail, moves, notes, files, identity) and the unit's 情况说明. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ExplanationRequest as ExplanationRequestSchema,
  ExplanationRequestsResponse,
  ObjectionDetailResponse,
  ObjectionListResponse,
  ObjectorIdentityResponse,
} from '#core/contract/objections.ts';
import type { ObjectionState } from '#core/objection/states.ts';
import { api } from './client.ts';

export type ObjectionList = z.output<typeof ObjectionListResponse>;
export type ObjectionListItem = ObjectionList['items'][number];
export type ObjectionDetail = z.output<typeof ObjectionDetailResponse>['objection'];
export type ObjectorIdentity = z.output<typeof ObjectorIdentityResponse>;
export type ExplanationRequest = z.output<typeof ExplanationRequestSchema>;

export const objectionsKey = (campaignId: string) => ['objections', campaignId] as const;
export const objectionKey = (id: string) => ['objection', id] as const;
export const EXPLANATIONS_KEY = ['objection-explanations'] as const;
const one = (id: string) => `/api/objections/${encodeURIComponent(id)}`;

export function useObjections(campaignId: string) {
  return useQuery({
    queryKey: objectionsKey(campaignId),
    queryFn: () => api<ObjectionList>(`/api/campaigns/${encodeURIComponent(campaignId)}/objections`),
  });
}

export function useObjection(id: string | null) {
  return useQuery({
    queryKey: objectionKey(id ?? ''),
    enabled: id !== null,
    queryFn: async () => (await api<z.output<typeof ObjectionDetailResponse>>(one(id!))).objection,
  });
}

export async function handleObjection(
  id: string,
  to: ObjectionState,
  reason: string | undefined,
  version: number,
) {
  return (
    await api<z.output<typeof ObjectionDetailResponse>>(`${one(id)}/moves`, {
      method: 'POST',
      body: { to, reason, version },
    })
  ).objection;
}

export async function addObjectionNote(id: string, note: string) {
  return (
    await api<z.output<typeof ObjectionDetailResponse>>(`${one(id)}/notes`, {
      method: 'POST',
      body: { note },
    })
  ).objection;
}

export async function addObjectionFiles(id: string, files: File[]) {
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  return (
    await api<z.output<typeof ObjectionDetailResponse>>(`${one(id)}/files`, { method: 'POST', body: form })
  ).objection;
}

export async function requestExplanation(id: string, workingDays: number, question: string) {
  return (
    await api<z.output<typeof ObjectionDetailResponse>>(`${one(id)}/explanation-request`, {
      method: 'POST',
      body: { workingDays, question },
    })
  ).objection;
}

/** Each call is logged on the server (who looked, when). */
export function viewObjectorIdentity(id: string) {
  return api<ObjectorIdentity>(`${one(id)}/identity-views`, { method: 'POST' });
}

export const objectionFileUrl = (id: string, fileId: string) =>
  `${one(id)}/files/${encodeURIComponent(fileId)}`;

export function useExplanationRequests() {
  return useQuery({
    queryKey: EXPLANATIONS_KEY,
    queryFn: async () =>
      (await api<z.output<typeof ExplanationRequestsResponse>>('/api/objection-explanations')).items,
  });
}

export function answerExplanation(id: string, explanation: string, files: File[]) {
  const form = new FormData();
  form.append('explanation', explanation);
  for (const f of files) form.append('files', f, f.name);
  return api<ExplanationRequest>(`${one(id)}/explanation`, { method: 'POST', body: form });
}
