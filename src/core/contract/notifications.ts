/** The bell: what the platform told this account, newest first. */
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../notifications/kinds.ts';

export const Notification = z.object({
  id: z.string(),
  kind: z.enum(Object.keys(NOTIFICATION_KINDS) as [keyof typeof NOTIFICATION_KINDS]),
  kindLabel: z.string(),
  title: z.string(),
  body: z.string(),
  /** A page of the web app, e.g. /reviews. */
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const NotificationsResponse = z.object({ unread: z.number(), items: z.array(Notification) });

export type Notification = z.infer<typeof Notification>;
export type NotificationsResponse = z.infer<typeof NotificationsResponse>;
