/** The home page's to-do list: one call, one part per role the account has. */
import { useQuery } from '@tanstack/react-query';
import type { UnitWorklist } from '#core/worklist/unit-worklist.ts';
import { api } from './client.ts';

export type { UnitWorklist };

export interface OrganiserCampaignWork {
  campaignId: string;
  title: string;
  status: string;
  statusLabel: string;
  awaitingCheck: number;
  firstWaitingId: string | null;
  oldestSubmittedAt: string | null;
  reviewRequests: { id: string; title: string; unitName: string; category: string }[];
  paper: { notDispatched: number; inTransit: number; receivedWithProblems: number };
}

export interface Worklist {
  unit: UnitWorklist | null;
  organiser: { campaigns: OrganiserCampaignWork[] } | null;
}

export const WORKLIST_KEY = ['worklist'] as const;

export function useWorklist() {
  return useQuery({ queryKey: WORKLIST_KEY, queryFn: () => api<Worklist>('/api/worklist') });
}
