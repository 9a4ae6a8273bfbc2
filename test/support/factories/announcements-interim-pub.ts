/**
 * Stand-in for ann's `newAnnouncement` (test/support/factories/announcements.ts) until it is merged: the
 * same signature, the rows inserted as ann's service leaves them (entries copied from the shortlisted
 * nominations, public fields only), the campaign moved to 公示中 with `moveCampaign`. `closeAnnouncement`
 * stands in for the tick that ends the period. The lead swaps the import at merge.
 */

import type { AnnouncementState } from '#core/announcement/states.ts';
import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { campaignForJob } from '#server/modules/campaigns/service.ts';
import type { TestApp } from '../app.ts';
import { moveCampaign, type TestCampaign } from './campaigns.ts';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export async function newAnnouncement(
  t: TestApp,
  campaign: TestCampaign,
  options: { state?: AnnouncementState; startDay?: string } = {},
): Promise<{
  id: string;
  entries: { id: string; nominationId: string; name: string }[];
  startDay: string | null;
  endDay: string | null;
}> {
  const { db, clock } = t.context;
  const state = options.state ?? 'open';
  const today = todayInShanghai(clock.now());
  const startDay = options.startDay ?? (state === 'closed' ? addDays(today, -10) : today);
  const endDay = addDays(startDay, 6);
  const row = (await campaignForJob(db, campaign.id))!;
  const shortlisted = await db
    .selectFrom('nominations as n')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .select(['n.id', 'n.category', 'n.special', 'n.form', 'n.title', 'u.name as unitName'])
    .where('n.campaignId', '=', campaign.id)
    .where('n.state', '=', 'shortlisted')
    .orderBy('n.category', 'desc')
    .orderBy('n.rank')
    .execute();
  if (shortlisted.length === 0)
    throw new Error('newAnnouncement: the campaign has no shortlisted nomination');
  // SQL on purpose: the row as ann's service writes it, until the announcements module is merged.
  const announcement = await db
    .insertInto('announcements')
    .values({
      campaignId: campaign.id,
      organisationId: row.organiserId,
      year: row.year,
      state,
      title: `${row.year}年“百姓学习之星”和“终身学习品牌项目”拟推介名单公示`,
      issuer: row.organiserName,
      startDay: state === 'draft' ? null : startDay,
      endDay: state === 'draft' ? null : endDay,
      openedAt: state === 'open' || state === 'closed' ? clock.now() : null,
      closedAt: state === 'closed' ? clock.now() : null,
      createdBy: campaign.organiser.admin.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const entries = await db
    .insertInto('announcementEntries')
    .values(
      shortlisted.map((n, i) => {
        const form = (n.form ?? {}) as Record<string, unknown>;
        return {
          announcementId: announcement.id,
          nominationId: n.id,
          category: n.category,
          position: i + 1,
          special: n.special,
          name: text(form.name) || n.title,
          unit: n.unitName,
          entity: n.category === 'star' ? text(form.workUnit) : text(form.entityName),
        };
      }),
    )
    .returning(['id', 'nominationId', 'name'])
    .execute();
  if ((state === 'open' || state === 'closed') && row.status === 'reviewing')
    await moveCampaign(t, campaign, 'announcing');
  return { id: announcement.id, entries, startDay, endDay };
}

/** The period ended: what ann's tick does at the end day (公示期满). */
export async function closeAnnouncement(t: TestApp, announcementId: string) {
  // SQL on purpose: stands in for ann's tick (公示期满) until the announcements module is merged.
  await t.context.db
    .updateTable('announcements')
    .set({ state: 'closed', closedAt: t.context.clock.now() })
    .where('id', '=', announcementId)
    .execute();
}
