/** The home page's to-do list: one call, one part per role the account has. */
import { useQuery } from '@tanstack/react-query';
import type { PaperStanding } from '../../../src/core/paper/status.ts';
import { api } from './client.ts';

export interface UnitWorklist {
  returned: {
    nominationId: string;
    title: string;
    category: string;
    reason: string;
    campaignId: string;
    campaignTitle: string;
    returnedAt: string;
  }[];
  deadlines: {
    campaignId: string;
    campaignTitle: string;
    until: string;
    extended: boolean;
    daysLeft: number;
    drafts: number;
    returned: number;
  }[];
  extensions: { campaignId: string; campaignTitle: string; until: string; reason: string }[];
  paper: {
    campaignId: string;
    campaignTitle: string;
    standing: PaperStanding;
    standingLabel: string;
    problems: string[];
  }[];
}

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
