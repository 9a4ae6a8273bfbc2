/**
 * The demo's published national round (2025), for the showcase: winners reported by three provinces,
 * accepted, put on the 拟推介名单, announced for five working days, closed by the platform's tick,
 * approved and published through the platform's own use cases at their days in 2025; each winner has a
 * picture (two also a short film) and a public text the organiser saved and approved. The app's
 * background job makes the web copies at start, so `/showcase/` has pages on first start.
 */
import { todayInShanghai } from '#core/calendar/today.ts';
import { copyRulesForYear } from '#core/campaign/copy.ts';
import { getTemplate } from '#core/campaign/templates/index.ts';
import { insertAccount } from '../modules/accounts/service.ts';
import { createAnnouncement } from '../modules/announcements/create-announcement.ts';
import { openAnnouncement } from '../modules/announcements/open-announcement.ts';
import { scheduleAnnouncement } from '../modules/announcements/schedule-announcement.ts';
import { runAnnouncementTick } from '../modules/announcements/tick.ts';
import {
  insertCampaign,
  provideCampaignFollowUp,
  transitionCampaign,
} from '../modules/campaigns/transition-campaign.ts';
import { selectShortlist } from '../modules/nominations/select-shortlist.ts';
import { transitionNomination } from '../modules/nominations/service.ts';
import { approveCampaign } from '../modules/results/approve-campaign.ts';
import { publishResults } from '../modules/results/publish-results.ts';
import { requestApproval } from '../modules/results/request-approval.ts';
import { approveStory } from '../modules/showcase/approve-story.ts';
import { saveStory } from '../modules/showcase/save-story.ts';
import type { AppContext } from '../platform/context.ts';
import { demoActor, seedDemoNominations } from './demo-nominations.ts';
import { seedShowcaseMedia } from './demo-showcase-media.ts';
import { SHOWCASE_DAYS, SHOWCASE_DOC_NUMBER, showcaseUnits } from './demo-showcase-people.ts';

const YEAR = 2025;

function on(context: AppContext, instant: string): AppContext {
  const at = new Date(instant);
  return { ...context, clock: { now: () => at } };
}

/** Seeds the round once (a second call finds it); skipped before its publication day. Returns its id. */
export async function seedDemoShowcase(context: AppContext, now: Date): Promise<string | null> {
  if (now < new Date(SHOWCASE_DAYS.storiesApproved)) return null;
  const { db, jobs, storage } = context;
  provideCampaignFollowUp('approved', selectShortlist);
  const rules = copyRulesForYear(getTemplate('national-2024')!, YEAR);
  rules.deadline = { date: SHOWCASE_DAYS.deadline, time: '17:00', timeFromNotice: false };
  const found = await db
    .selectFrom('campaigns')
    .select('id')
    .where('title', '=', rules.title)
    .executeTakeFirst();
  if (found) return null;
  const units = showcaseUnits(rules, todayInShanghai(new Date(SHOWCASE_DAYS.submitted)));

  const { campaignId, organiser, approver } = await db.transaction().execute(async (trx) => {
    const orgs = await trx
      .selectFrom('organisations')
      .select(['id', 'name', 'path'])
      .where('name', 'in', ['中国成人教育协会', ...units.map((u) => u.organisation)])
      .execute();
    const byName = (name: string) => orgs.find((o) => o.name === name)!;
    const campaign = await insertCampaign(trx, null, byName('中国成人教育协会'), rules, {
      templateId: 'national-2024',
      copiedFrom: null,
      demoOpen: true,
    });
    for (const u of units) {
      const org = byName(u.organisation);
      const has = await trx
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', u.username)
        .executeTakeFirst();
      // A province without a demo account gets one for its report; nobody is given its password.
      if (!has)
        await insertAccount(trx, null, org, {
          username: u.username,
          displayName: u.displayName,
          roles: ['unit_submitter'],
        });
      await seedDemoNominations(trx, campaign, org.id, u.winners, new Date(SHOWCASE_DAYS.submitted));
    }
    return {
      campaignId: campaign.id,
      organiser: await demoActor(trx, campaign.organiserId, 'organiser_admin'),
      approver: await demoActor(trx, byName('中国成人教育协会').id, 'approver'),
    };
  });

  const nominations = await db
    .selectFrom('nominations')
    .select(['id', 'category', 'special', 'title'])
    .where('campaignId', '=', campaignId)
    .orderBy('createdAt')
    .orderBy('rank')
    .execute();
  const winners = units.flatMap((u) => u.winners.map((w) => ({ ...w, unit: u.organisation })));
  let index = 0;
  for (const w of winners) {
    const n = nominations.find((x) => x.title === w.form.name)!;
    const caption = w.category === 'star' ? `${w.unit} · 百姓学习之星` : `${w.unit} · 终身学习品牌项目`;
    await seedShowcaseMedia(db, storage, { ...n, name: n.title, caption }, rules, index++, w.video === true);
  }

  await transitionCampaign(db, organiser, campaignId, 'reviewing', jobs, new Date(SHOWCASE_DAYS.reviewing));
  for (const n of nominations)
    await transitionNomination(db, organiser, n.id, {
      to: 'shortlisted',
      now: new Date(SHOWCASE_DAYS.shortlisted),
    });
  let announcement = await createAnnouncement(db, organiser, campaignId);
  announcement = await scheduleAnnouncement(
    db,
    organiser,
    campaignId,
    { version: announcement.version, startDay: SHOWCASE_DAYS.announcementStart },
    jobs,
    new Date(SHOWCASE_DAYS.scheduled),
  );
  await openAnnouncement(
    db,
    organiser,
    campaignId,
    { version: announcement.version },
    jobs,
    new Date(SHOWCASE_DAYS.opened),
  );
  await runAnnouncementTick(context, new Date(SHOWCASE_DAYS.closed));
  await requestApproval(context, organiser, campaignId);
  await approveCampaign(on(context, SHOWCASE_DAYS.approved), approver, campaignId, {});
  await publishResults(on(context, SHOWCASE_DAYS.published), organiser, campaignId, {
    docNumber: SHOWCASE_DOC_NUMBER,
  });

  // The organiser's public texts, saved and approved for the showcase.
  const storiesDay = on(context, SHOWCASE_DAYS.storiesApproved);
  for (const w of winners) {
    const n = nominations.find((x) => x.title === w.form.name)!;
    const saved = await saveStory(storiesDay, organiser, n.id, { text: w.publicText });
    await approveStory(storiesDay, organiser, n.id, { version: saved.version });
  }
  await context.publicPages.changed();
  return campaignId;
}
