/**
 * Stand-in for ann's `newAnnouncement` (test/support/factories/announcements.ts) until it is merged, with
 * the same signature: the announcement of a campaign's shortlisted nominations, its rows inserted as the
 * announcements service would leave them (public fields only), the period on the organiser's calendar,
 * and, when open, the campaign moved to 公示中 by its organiser. The lead swaps the import at merge.
 */

import type { AnnouncementState } from '#core/announcement/states.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { workingPeriod } from '#server/modules/calendar/service.ts';
import { campaignForJob } from '#server/modules/campaigns/service.ts';
import type { TestApp } from '../app.ts';
import { moveCampaign, type TestCampaign } from './campaigns.ts';

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
  const row = (await campaignForJob(db, campaign.id))!;
  const startDay = state === 'draft' ? null : (options.startDay ?? todayInShanghai(clock.now()));
  const workingDays = row.rules.announcement.workingDays;
  const endDay = startDay
    ? (await workingPeriod(db, row.organiserId, startDay, workingDays, true)).end
    : null;
  const nominations = await db
    .selectFrom('nominations as n')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .select(['n.id', 'n.title', 'n.category', 'n.special', 'u.name as unitName'])
    .where('n.campaignId', '=', campaign.id)
    .where('n.state', '=', 'shortlisted')
    .orderBy('n.category', 'desc')
    .orderBy('n.createdAt')
    .execute();
  if (nominations.length === 0)
    throw new Error('newAnnouncement: the campaign has no shortlisted nominations');
  const announcement = await db
    .insertInto('announcements')
    .values({
      campaignId: campaign.id,
      organisationId: row.organiserId,
      year: row.year,
      state,
      title: `关于${row.year}年${row.title}拟推介名单的公示`,
      issuer: row.organiserName,
      startDay,
      endDay,
      workingDays,
      openedAt: state === 'open' || state === 'closed' ? clock.now() : null,
      createdBy: campaign.organiser.admin.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const entries = [];
  for (const [position, n] of nominations.entries()) {
    const entry = await db
      .insertInto('announcementEntries')
      .values({
        announcementId: announcement.id,
        nominationId: n.id,
        category: n.category,
        position: position + 1,
        special: n.special,
        name: n.title,
        unit: n.unitName,
      })
      .returning(['id', 'nominationId', 'name'])
      .executeTakeFirstOrThrow();
    entries.push(entry);
  }
  if (state === 'open' || state === 'closed') await moveCampaign(t, campaign, 'announcing');
  return { id: announcement.id, entries, startDay, endDay };
}
