/**
 * Stand-in for ann's `newAnnouncement` (test/support/factories/announcements.ts) with the same signature,
 * until it is merged: rows inserted as ann's service leaves them (entries copied from the campaign's
 * shortlisted nominations, public fields only; the period computed on the official calendar), the campaign
 * moved to 公示中 with `moveCampaign`. The lead swaps the import at merge.
 */
import type { AnnouncementState } from '#core/announcement/states.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { workingPeriod } from '#server/modules/calendar/service.ts';
import type { TestApp } from '../app.ts';
import { moveCampaign, type TestCampaign } from './campaigns.ts';

export interface TestAnnouncement {
  id: string;
  entries: { id: string; nominationId: string; name: string }[];
  startDay: string | null;
  endDay: string | null;
}

const text = (form: unknown, key: string) => {
  const v = (form as Record<string, unknown> | null)?.[key];
  return typeof v === 'string' ? v : null;
};

export async function newAnnouncement(
  t: TestApp,
  campaign: TestCampaign,
  options: { state?: AnnouncementState; startDay?: string } = {},
): Promise<TestAnnouncement> {
  const { db, clock } = t.context;
  const state = options.state ?? 'open';
  const rules = campaign.rules;
  const startDay = options.startDay ?? todayInShanghai(clock.now());
  const countStart = rules.announcement.startDay === 'counts_if_working_day';
  const period = await workingPeriod(
    db,
    campaign.organiser.organisationId,
    startDay,
    rules.announcement.workingDays,
    countStart,
  );
  const nominations = await db
    .selectFrom('nominations as n')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .select(['n.id', 'n.category', 'n.special', 'n.title', 'n.form', 'u.name as unitName'])
    .where('n.campaignId', '=', campaign.id)
    .where('n.state', '=', 'shortlisted')
    .orderBy('n.category', 'desc')
    .orderBy('n.createdAt')
    .execute();
  const scheduled = state !== 'draft';
  const row = await db
    .insertInto('announcements')
    .values({
      campaignId: campaign.id,
      organisationId: campaign.organiser.organisationId,
      year: rules.year,
      state,
      title: `关于${rules.year}年度“百姓学习之星”和“终身学习品牌项目”拟推介名单的公示`,
      intro: `经各地推荐、专家评审，${campaign.organiser.name}确定了${rules.year}年度拟推介名单，现予以公示。`,
      objectionContact: JSON.stringify({
        department: `${campaign.organiser.name}办公室`,
        contact: '王老师',
        phone: '010-66001234',
        email: 'gongshi@example.org.cn',
        address: '北京市西城区示例路1号',
      }),
      issuer: campaign.organiser.name,
      startDay: scheduled ? period.from : null,
      endDay: scheduled ? period.end : null,
      workingDays: rules.announcement.workingDays,
      countStart,
      openedAt: state === 'open' || state === 'closed' ? clock.now() : null,
      closedAt: state === 'closed' ? clock.now() : null,
      createdBy: campaign.organiser.admin.actor.accountId,
    })
    .returning(['id', 'startDay', 'endDay'])
    .executeTakeFirstOrThrow();
  const positions = { star: 0, project: 0 };
  const entries =
    nominations.length === 0
      ? []
      : await db
          .insertInto('announcementEntries')
          .values(
            nominations.map((n) => ({
              announcementId: row.id,
              nominationId: n.id,
              category: n.category,
              position: ++positions[n.category],
              special: n.special,
              name: n.title || text(n.form, 'name') || '',
              unit: n.unitName,
              entity: n.category === 'project' ? text(n.form, 'entityName') : null,
            })),
          )
          .returning(['id', 'nominationId', 'name'])
          .execute();
  if (state === 'open' || state === 'closed') await moveCampaign(t, campaign, 'announcing');
  return { id: row.id, entries, startDay: row.startDay, endDay: row.endDay };
}
