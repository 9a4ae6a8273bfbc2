/** The home page's to-do list: one call, one part per role the account has. */
import { useQuery } from '@tanstack/react-query';
import type { WorklistResponse } from '#core/contract/worklist.ts';
import { api } from './client.ts';

export type { OrganiserCampaignWork, UnitWorklist } from '#core/contract/worklist.ts';

export const WORKLIST_KEY = ['worklist'] as const;

export function useWorklist() {
  return useQuery({ queryKey: WORKLIST_KEY, queryFn: () => api<WorklistResponse>('/api/worklist') });
}
