/**
 * The second channel: when SMTP is configured, each new notification to an account with an e-mail address
 * is mailed by a job sent in the notification's own transaction, so a mail exists exactly when its bell
 * message does and a mail server that is down never loses the message (the job is retried).
 *
 * The callers of `notify` (review setup, scoring, reminders) should not each carry the job queue, so the
 * app hands it over where it is built (app.ts), as campaigns' follow-ups are: null when SMTP is not
 * configured, and then nothing is queued.
 */
import type { Trx } from '#server/platform/db/database.ts';
import { type Jobs, QUEUES } from '#server/platform/jobs/jobs.ts';

let provided: Jobs | null = null;

export function provideMailJobs(jobs: Jobs | null): void {
  provided = jobs;
}

/** The queue to mail through: the caller's, else the app's; null when mail is off. */
export function mailJobs(own?: Jobs | null): Jobs | null {
  return own === undefined ? provided : own;
}

/** Queues a mail for each of these new notifications whose account has an e-mail address. */
export async function queueMails(
  trx: Trx,
  jobs: Jobs,
  notifications: readonly { id: string; accountId: string }[],
): Promise<void> {
  if (notifications.length === 0) return;
  const withEmail = new Set(
    (
      await trx
        .selectFrom('accounts')
        .select('id')
        .where(
          'id',
          'in',
          notifications.map((n) => n.accountId),
        )
        .where('email', 'is not', null)
        .where('email', '!=', '')
        .execute()
    ).map((a) => a.id),
  );
  for (const n of notifications) {
    if (!withEmail.has(n.accountId)) continue;
    await jobs.send(QUEUES.notificationMail, { notificationId: n.id }, { trx, singletonKey: n.id });
  }
}
