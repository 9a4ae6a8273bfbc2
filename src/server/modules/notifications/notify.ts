/**
 * Tells accounts of something, inside the platform (the bell), in the caller's transaction, so a message
 * exists exactly when what it tells of does. A dedupe key makes a reminder idempotent: a job run again
 * after a crash does not tell anyone twice. When SMTP is configured, each new message to an account with
 * an e-mail address is mailed too, by a job sent in the same transaction (mail-channel.ts).
 */
import type { NotificationKind } from '#core/notifications/kinds.ts';
import type { Trx } from '#server/platform/db/database.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import { mailJobs, queueMails } from './mail-channel.ts';

export interface Message {
  kind: NotificationKind;
  title: string;
  body?: string;
  /** A page of the web app, e.g. /reviews. */
  link?: string | null;
  /** Per account: the same key is sent to an account once. */
  dedupeKey?: string | null;
}

/**
 * Inserts one notification per account; returns how many were new. `options.jobs` is the queue to mail
 * through (null: no mail); left out, the app's (none when SMTP is not configured).
 */
export async function notify(
  trx: Trx,
  accountIds: readonly string[],
  message: Message,
  options: { jobs?: Jobs | null } = {},
): Promise<number> {
  if (accountIds.length === 0) return 0;
  const rows = await trx
    .insertInto('notifications')
    .values(
      [...new Set(accountIds)].map((accountId) => ({
        accountId,
        kind: message.kind,
        title: message.title,
        body: message.body ?? '',
        link: message.link ?? null,
        dedupeKey: message.dedupeKey ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['accountId', 'dedupeKey']).doNothing())
    .returning(['id', 'accountId'])
    .execute();
  const jobs = mailJobs(options.jobs);
  if (jobs) await queueMails(trx, jobs, rows);
  return rows.length;
}
