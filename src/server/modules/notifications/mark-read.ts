/**
 * Marking messages read: only the caller's own. Another account's message does not exist for the caller
 * (404), and nothing changes. Marking a read message again keeps its first reading time.
 */
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { notFound } from '#server/platform/errors.ts';

export async function markNotificationRead(db: Db, actor: Actor, id: string, now: Date): Promise<void> {
  const own = await db
    .selectFrom('notifications')
    .select('id')
    .where('id', '=', id)
    .where('accountId', '=', actor.accountId)
    .executeTakeFirst();
  if (!own) throw notFound('该消息');
  await db
    .updateTable('notifications')
    .set({ readAt: now })
    .where('id', '=', id)
    .where('accountId', '=', actor.accountId)
    .where('readAt', 'is', null)
    .execute();
}

export async function markAllNotificationsRead(db: Db, actor: Actor, now: Date): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ readAt: now })
    .where('accountId', '=', actor.accountId)
    .where('readAt', 'is', null)
    .execute();
}
