/** The bell: the caller's own messages, newest first, and how many are unread. */
import type { NotificationsResponse } from '#core/contract/notifications.ts';
import { NOTIFICATION_KINDS } from '#core/notifications/kinds.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';

/** Enough for a busy evening of a review; older messages have long been acted on. */
export const NOTIFICATIONS_SHOWN = 50;

export async function listNotifications(db: Db, actor: Actor): Promise<NotificationsResponse> {
  const rows = await db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'createdAt', 'readAt'])
    .where('accountId', '=', actor.accountId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(NOTIFICATIONS_SHOWN)
    .execute();
  const { unread } = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('unread'))
    .where('accountId', '=', actor.accountId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    unread: Number(unread),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: NOTIFICATION_KINDS[r.kind],
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    })),
  };
}
