/**
 * Takes an entry off a 公示 (an objection upheld, or the organiser's own decision): the entry is marked
 * removed with the reason, a dated correction (Beijing day) is added for the public page, and the
 * nomination leaves the 拟推介名单 through the one nomination transition function (拟推介 → 未入选,
 * 移出拟推介名单, with the reason), audited; all in the caller's transaction. The caller tells the
 * public site after the commit (context.publicPages.changed()).
 */
import { todayInShanghai } from '#core/calendar/today.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Trx } from '#server/platform/db/database.ts';
import { AppError, notFound } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { lockCampaign } from '../campaigns/queries.ts';
import { lockNomination } from '../nominations/queries.ts';
import { applyNominationTransition } from '../nominations/transition-nomination.ts';

export async function removeAnnouncementEntry(
  trx: Trx,
  actor: Actor,
  input: { entryId: string; reason: string; now: Date },
): Promise<void> {
  const { now } = input;
  const reason = input.reason.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', '移出公示名单须写明理由。');
  const entry = await trx
    .selectFrom('announcementEntries as e')
    .innerJoin('announcements as a', 'a.id', 'e.announcementId')
    .select(['e.id', 'e.announcementId', 'e.nominationId', 'e.name', 'e.unit', 'e.removedAt', 'a.campaignId'])
    .where('e.id', '=', input.entryId)
    .forUpdate('e')
    .executeTakeFirst();
  if (!entry) throw notFound('公示对象');
  if (entry.removedAt) throw new AppError('ANNOUNCEMENT_NOT_EDITABLE', `「${entry.name}」已移出公示名单。`);
  const campaign = await lockCampaign(trx, entry.campaignId);
  if (!campaign) throw notFound('推介活动');
  const nomination = await lockNomination(trx, entry.nominationId);
  if (!nomination) throw notFound('推介');

  await trx
    .updateTable('announcementEntries')
    .set({ removedAt: now, removedReason: reason })
    .where('id', '=', entry.id)
    .execute();
  const day = todayInShanghai(now);
  const text = `「${entry.name}」（${entry.unit}）经核实不再列入拟推介名单。`;
  await trx
    .insertInto('announcementCorrections')
    .values({
      announcementId: entry.announcementId,
      entryId: entry.id,
      kind: 'entry_removed',
      day,
      text,
      createdBy: actor.accountId,
    })
    .execute();
  await applyNominationTransition(trx, actor, nomination, campaign, { to: 'not_selected', reason, now });
  await recordAudit(trx, actor, {
    action: 'announcement.entry_removed',
    entityType: 'announcement',
    entityId: entry.announcementId,
    scopePath: campaign.organiserPath,
    before: { entry: entry.name, unit: entry.unit, listed: true },
    after: { entry: entry.name, unit: entry.unit, listed: false, reason, day },
  });
}
