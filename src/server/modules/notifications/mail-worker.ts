/**
 * Sends the mail of one notification. A message already mailed (a job run twice) is not sent again; a
 * refusal by the mail server throws, and the queue tries again later. The bell message stays as it is
 * either way: `emailed_at` is set only after the server accepted the mail.
 */
import type { AppContext } from '#server/platform/context.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { createMailer, type Mailer } from '#server/platform/mail/mailer.ts';
import { provideMailJobs } from './mail-channel.ts';
import { notificationMail } from './mail-text.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function mailNotification(context: AppContext, mailer: Mailer, notificationId: string) {
  const { db, clock } = context;
  const row = await db
    .selectFrom('notifications as n')
    .innerJoin('accounts as a', 'a.id', 'n.accountId')
    .select(['n.id', 'n.title', 'n.body', 'n.link', 'a.email', 'a.displayName'])
    .where('n.id', '=', notificationId)
    .where('n.emailedAt', 'is', null)
    .executeTakeFirst();
  if (!row?.email) return;
  await mailer.send({ to: row.email, ...notificationMail(row) });
  await db
    .updateTable('notifications')
    .set({ emailedAt: clock.now() })
    .where('id', '=', row.id)
    .where('emailedAt', 'is', null)
    .execute();
}

/** Mail as the second channel, only when SMTP is configured; otherwise `notify` queues nothing. */
export async function registerNotificationWorkers(context: AppContext): Promise<void> {
  const { smtp } = context.config;
  provideMailJobs(smtp ? context.jobs : null);
  if (!smtp) return;
  const mailer = createMailer(smtp);
  await context.jobs.work<{ notificationId?: unknown }>(QUEUES.notificationMail, async (data) => {
    if (typeof data.notificationId === 'string' && UUID.test(data.notificationId))
      await mailNotification(context, mailer, data.notificationId);
  });
}
