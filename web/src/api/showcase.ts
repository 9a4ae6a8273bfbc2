/**
 * 优秀事迹展示: the organiser's list of a published round's winners with their public texts, saving a
 * text (a draft, refused with the reasons when it holds personal data) and approving it for the showcase.
 */
import { useQuery } from '@tanstack/react-query';
import type { StoriesList } from '#core/contract/showcase.ts';
import { api } from './client.ts';

export type { StoriesList, StoryWinner } from '#core/contract/showcase.ts';

export interface StorySaved {
  state: 'draft' | 'approved';
  version: number;
}

export const storiesKey = (campaignId: string) => ['showcase-stories', campaignId] as const;

export function useShowcaseStories(campaignId: string) {
  return useQuery({
    queryKey: storiesKey(campaignId),
    queryFn: () => api<StoriesList>(`/api/campaigns/${encodeURIComponent(campaignId)}/showcase/stories`),
  });
}

/** `version` is the one the text was loaded with; absent for a winner who has no saved text yet. */
export function saveShowcaseStory(nominationId: string, text: string, version: number | null) {
  return api<StorySaved>(`/api/showcase/stories/${encodeURIComponent(nominationId)}`, {
    method: 'PUT',
    body: version === null ? { text } : { text, version },
  });
}

export function approveShowcaseStory(nominationId: string, version: number) {
  return api<StorySaved>(`/api/showcase/stories/${encodeURIComponent(nominationId)}/approval`, {
    method: 'POST',
    body: { version },
  });
}
