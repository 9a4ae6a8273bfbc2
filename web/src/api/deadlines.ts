/** Who missed the deadline (逾期视为自动放弃), for the organiser: counts per unit, never a draft's content. */
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { NOMINATIONS_KEY } from './nominations.ts';

export interface MissedDeadlineUnit {
  unitId: string;
  unitName: string;
  /** The unit's deadline, its extension included. */
  deadlineAt: string;
  extended: boolean;
  lapsed: { star: number; project: number };
  /** Still a draft or returned past the deadline (withdrawn at the job's next run where the rules say so). */
  unsubmitted: number;
  submitted: number;
}

export async function missedDeadline(campaignId: string): Promise<MissedDeadlineUnit[]> {
  return (
    await api<{ units: MissedDeadlineUnit[] }>(
      `/api/campaigns/${encodeURIComponent(campaignId)}/missed-deadline`,
    )
  ).units;
}

export function useMissedDeadline(campaignId: string) {
  return useQuery({
    queryKey: [...NOMINATIONS_KEY, 'missed-deadline', campaignId],
    queryFn: () => missedDeadline(campaignId),
  });
}
