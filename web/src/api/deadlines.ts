/** Who missed the deadline (逾期视为自动放弃), for the organiser: counts per unit, never a draft's content. */
import { useQuery } from '@tanstack/react-query';
import type { MissedDeadlineResponse } from '#core/contract/nominations.ts';
import { api } from './client.ts';
import { NOMINATIONS_KEY } from './nominations.ts';

export type { MissedDeadlineUnit } from '#core/contract/nominations.ts';

export async function missedDeadline(campaignId: string) {
  return (
    await api<MissedDeadlineResponse>(`/api/campaigns/${encodeURIComponent(campaignId)}/missed-deadline`)
  ).units;
}

export function useMissedDeadline(campaignId: string) {
  return useQuery({
    queryKey: [...NOMINATIONS_KEY, 'missed-deadline', campaignId],
    queryFn: () => missedDeadline(campaignId),
  });
}
