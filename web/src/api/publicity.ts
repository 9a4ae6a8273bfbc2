/** A reporting unit's own 公示 of its nominees: its records, the notice file, the facts to count with. */
import { useQuery } from '@tanstack/react-query';
import type {
  UnitPublicity,
  UnitPublicityListResponse,
  UnitPublicityResponse,
} from '#core/contract/publicity.ts';
import { api } from './client.ts';

export type {
  NominationPublicity,
  UnitPublicity,
  UnitPublicityListResponse,
} from '#core/contract/publicity.ts';

export interface PublicityInput {
  place: string;
  url: string | null;
  fromDay: string;
  toDay: string;
  nominationIds: string[] | null;
  published: boolean;
}

export const publicityKey = (campaignId: string) => ['unit-publicities', campaignId] as const;
const listUrl = (campaignId: string) => `/api/campaigns/${encodeURIComponent(campaignId)}/unit-publicities`;
const recordUrl = (id: string) => `/api/unit-publicities/${encodeURIComponent(id)}`;

export function useUnitPublicities(campaignId: string) {
  return useQuery({
    queryKey: publicityKey(campaignId),
    queryFn: () => api<UnitPublicityListResponse>(listUrl(campaignId)),
  });
}

export async function recordUnitPublicity(campaignId: string, input: PublicityInput): Promise<UnitPublicity> {
  return (await api<UnitPublicityResponse>(listUrl(campaignId), { method: 'POST', body: input })).publicity;
}

export async function updateUnitPublicity(
  id: string,
  input: PublicityInput & { version: number; removeFile?: boolean },
): Promise<UnitPublicity> {
  return (await api<UnitPublicityResponse>(recordUrl(id), { method: 'PUT', body: input })).publicity;
}

export async function deleteUnitPublicity(id: string, version: number): Promise<void> {
  await api<void>(`${recordUrl(id)}?version=${version}`, { method: 'DELETE' });
}

export async function uploadPublicityFile(id: string, version: number, file: File): Promise<UnitPublicity> {
  const form = new FormData();
  form.append('file', file, file.name);
  return (
    await api<UnitPublicityResponse>(`${recordUrl(id)}/file?version=${version}`, {
      method: 'PUT',
      body: form,
    })
  ).publicity;
}
