/**
 * What an objector sees with the receipt and the phone they gave: the state in words, the dates and the
 * answer once given. Never who objected, never another objection; a wrong phone gets the same answer as
 * an unknown receipt, so the lookup tells nothing about which receipts exist.
 */
import { formatBeijingDate } from '#core/calendar/beijing-time.ts';
import { parsePhone } from '#core/identity/phone.ts';
import { isReceipt, normaliseReceipt } from '#core/objection/receipt.ts';
import { OBJECTION_STATES } from '#core/objection/states.ts';
import type { Db } from '#server/platform/db/database.ts';
import { phoneHash } from './phone-hash.ts';

export async function getObjectionStatus(db: Db, receiptInput: string, phoneInput: string) {
  const receipt = normaliseReceipt(receiptInput);
  if (!isReceipt(receipt)) return null;
  const hash = phoneHash(parsePhone(phoneInput).normalised);
  if (hash === '') return null;
  const row = await db
    .selectFrom('objections as x')
    .innerJoin('announcements as a', 'a.id', 'x.announcementId')
    .innerJoin('announcementEntries as e', 'e.id', 'x.entryId')
    .select([
      'x.receipt',
      'x.state',
      'x.submittedAt',
      'x.acceptDue',
      'x.replyDue',
      'x.reply',
      'x.repliedAt',
      'x.phoneHash',
      'a.title as announcementTitle',
      'e.name as entryName',
    ])
    .where('x.receipt', '=', receipt)
    .executeTakeFirst();
  if (!row || row.phoneHash !== hash) return null;
  const replied = row.state === 'replied';
  return {
    receipt: row.receipt,
    announcementTitle: row.announcementTitle,
    entryName: row.entryName,
    stateLabel: OBJECTION_STATES[row.state],
    submittedAt: formatBeijingDate(row.submittedAt),
    acceptDue: row.acceptDue,
    replyDue: row.replyDue,
    reply: replied ? row.reply : null,
    repliedAt: replied && row.repliedAt ? formatBeijingDate(row.repliedAt) : null,
  };
}
