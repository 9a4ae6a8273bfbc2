/** The bell: the account's own messages and unread count, polled while a page of the app is open. */
import { useQuery } from '@tanstack/react-query';
import type { NotificationsResponse } from '#core/contract/notifications.ts';
import { api } from './client.ts';

export type { Notification, NotificationsResponse } from '#core/contract/notifications.ts';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** Once a minute: a reminder need not arrive sooner, and fifty experts polling cost the server nothing. */
const POLL_MS = 60_000;

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: () => api<NotificationsResponse>('/api/notifications'),
    enabled,
    refetchInterval: enabled ? POLL_MS : false,
    // A tab in the background stops asking; it asks again when the official comes back to it.
    refetchIntervalInBackground: false,
  });
}

export async function markNotificationRead(id: string): Promise<void> {
  await api<void>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export async function markAllNotificationsRead(): Promise<void> {
  await api<void>('/api/notifications/read-all', { method: 'POST' });
}
