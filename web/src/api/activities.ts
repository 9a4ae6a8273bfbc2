/** Publicity activities (五进) of published winners: the winners, their activities, photos. */
import { useQuery } from '@tanstack/react-query';
import type {
  Activity,
  ActivityBody,
  ActivityListResponse,
  ActivityResponse,
  ActivityWinnersResponse,
} from '#core/contract/activities.ts';
import { api, withQuery } from './client.ts';

export type {
  Activity,
  ActivityBody,
  ActivityListResponse,
  ActivityWinner,
} from '#core/contract/activities.ts';

export const ACTIVITIES_KEY = ['activities'] as const;

export function useActivityWinners() {
  return useQuery({
    queryKey: [...ACTIVITIES_KEY, 'winners'],
    queryFn: () => api<ActivityWinnersResponse>('/api/activity-winners'),
  });
}

export function useActivities(filter: { nominationId?: string; month?: string; provinceId?: string }) {
  return useQuery({
    queryKey: [...ACTIVITIES_KEY, 'list', filter],
    queryFn: () => api<ActivityListResponse>(withQuery('/api/activities', filter)),
  });
}

export async function recordActivity(nominationId: string, body: ActivityBody): Promise<Activity> {
  const url = `/api/winners/${encodeURIComponent(nominationId)}/activities`;
  return (await api<ActivityResponse>(url, { method: 'POST', body })).activity;
}

export async function updateActivity(
  id: string,
  body: ActivityBody & { version: number },
): Promise<Activity> {
  return (await api<ActivityResponse>(`/api/activities/${encodeURIComponent(id)}`, { method: 'PUT', body }))
    .activity;
}

export async function deleteActivity(id: string, version: number): Promise<void> {
  await api<void>(`/api/activities/${encodeURIComponent(id)}?version=${version}`, { method: 'DELETE' });
}

export async function uploadActivityPhoto(id: string, file: File): Promise<Activity> {
  const form = new FormData();
  form.append('file', file, file.name);
  return (
    await api<ActivityResponse>(`/api/activities/${encodeURIComponent(id)}/photos`, {
      method: 'POST',
      body: form,
    })
  ).activity;
}

export async function deleteActivityPhoto(id: string, photoId: string): Promise<void> {
  await api<void>(`/api/activities/${encodeURIComponent(id)}/photos/${encodeURIComponent(photoId)}`, {
    method: 'DELETE',
  });
}
