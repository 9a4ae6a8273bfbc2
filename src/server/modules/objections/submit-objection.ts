/**
 * An objection made through the public page, by anyone, without an account: the 公示 must be open today
 * (else the refusal names the period), the objector named (no anonymous objections), the facts written,
 * the captcha answered, the attachments PDF or JPEG. Files are written first, then one transaction
 * records the objection, its files, the first log line and the 受理 deadline, tells the organiser's
 * admins, and audits. Nothing is stored when anything is refused.
 */
import { randomBytes } from 'node:crypto';
import { formatChineseDate } from '#core/calendar/format.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { SubmitObjectionInput } from '#core/contract/objections.ts';
import { objectionDue } from '#core/objection/deadlines.ts';
import { checkObjectionInput } from '#core/objection/input.ts';
import { formatReceipt } from '#core/objection/receipt.ts';
import { objectionWindow } from '#core/objection/window.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError, notFound } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { notify } from '../notifications/notify.ts';
import { organiserCalendar } from './calendar.ts';
import { checkCaptcha } from './captcha.ts';
import { addEvent, organiserAdmins } from './queries.ts';
import { type IncomingFile, judgeFiles, recordFiles, removeStored, storeFiles } from './store-files.ts';
import { storedObjector } from './stored-objector.ts';
import { insertObjection } from './transition-objection.ts';

export { getObjectionStatus } from './objection-status.ts';

export async function submitObjection(
  context: AppContext,
  input: SubmitObjectionInput,
  files: IncomingFile[],
  // The caller's address: the route's rate limit counts it; the record keeps none (the objector is protected).
  _meta: { ip: string },
): Promise<{ receipt: string; announcementTitle: string }> {
  const { db, storage, clock } = context;
  const now = clock.now();
  const today = todayInShanghai(now);
  const target = await db
    .selectFrom('announcementEntries as e')
    .innerJoin('announcements as a', 'a.id', 'e.announcementId')
    .innerJoin('campaigns as c', 'c.id', 'a.campaignId')
    .innerJoin('organisations as o', 'o.id', 'c.organiserId')
    .select([
      'a.id as announcementId',
      'a.title',
      'a.state',
      'a.startDay',
      'a.endDay',
      'a.campaignId',
      'c.organiserId',
      'o.path as organiserPath',
      'e.id as entryId',
      'e.name as entryName',
      'e.removedAt',
    ])
    .where('e.id', '=', input.entryId)
    .where('a.id', '=', input.announcementId)
    .where('a.state', 'in', ['open', 'closed', 'scheduled'])
    .executeTakeFirst();
  if (!target) throw notFound('公示对象');
  const window = objectionWindow(target, today);
  if (!window.open) throw new AppError('OBJECTION_PERIOD_CLOSED', window.message);
  if (target.removedAt)
    throw new AppError('OBJECTION_INVALID', `「${target.entryName}」已移出公示名单，无需再提出异议。`);

  const check = checkObjectionInput(input, today);
  if (!check.objector)
    throw new AppError('OBJECTION_INVALID', check.findings.map((f) => f.message).join('；'), {
      findings: check.findings,
    });
  judgeFiles(files);
  if (!checkCaptcha(input.captcha.token, input.captcha.answer, now))
    throw new AppError('CAPTCHA_FAILED', '验证问题回答错误或已过期，请重新获取验证问题后再提交。');

  // A year without calendar data leaves the due day open rather than refusing the objector.
  const accept = objectionDue(await organiserCalendar(db, target.organiserId), 'accept', today);
  const receipt = formatReceipt(Number(today.slice(0, 4)), randomBytes(10));
  const stored = await storeFiles(storage, `objections/${target.announcementId}/${receipt}`, files);
  try {
    await db.transaction().execute(async (trx) => {
      const row = await insertObjection(trx, {
        announcementId: target.announcementId,
        entryId: target.entryId,
        receipt,
        objectorKind: input.objectorKind,
        // Sealed, with the keyed hash of the phone the status lookup compares (decision 0016).
        ...storedObjector(check.objector!),
        facts: check.facts,
        submittedAt: now,
        acceptDue: accept.ok ? accept.date : null,
      });
      await recordFiles(trx, row.id, 'evidence', stored, null);
      await addEvent(trx, {
        objectionId: row.id,
        kind: 'transition',
        label: '收到异议',
        note: stored.length > 0 ? `附件 ${stored.length} 个` : '',
        actor: null,
        at: now,
      });
      await notify(trx, await organiserAdmins(trx, target.organiserId), {
        kind: 'objection_received',
        title: `收到对「${target.entryName}」的异议（回执 ${receipt}）`,
        body: accept.ok
          ? `请于${formatChineseDate(accept.date)}前受理或说明不予受理的理由。`
          : '请尽快受理。',
        link: `/campaigns/${target.campaignId}?tab=objections`,
      });
      // The objector has no account; the audit row names the objection, never who made it.
      await recordAudit(trx, null, {
        action: 'objection.received',
        entityType: 'objection',
        entityId: row.id,
        scopePath: target.organiserPath,
        after: { receipt, entry: target.entryName, files: stored.length },
      });
    });
  } catch (error) {
    await removeStored(storage, stored);
    throw error;
  }
  return { receipt, announcementTitle: target.title };
}
