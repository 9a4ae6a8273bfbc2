/**
 * The demo's finished provincial round: Jilin's 2025 round, reported by 长春市教育局, reviewed and put on
 * the 拟推介名单, announced (公示) for five working days on the official calendar, one objection made
 * through the public form, accepted (受理), verified, found 不成立 and answered, the 公示 closed by the
 * platform's tick, approved by the demo approver (审定人 of 中国成人教育协会, above the organiser) and
 * published with its notice files and registry entries. Every step goes through the platform's own use
 * case at its day in 2025 (fixed days, never the first start's), so a new user finds every page of 公示,
 * 异议, 审定 and 公布 filled on first start.
 */
import { todayInShanghai } from '#core/calendar/today.ts';
import { copyRulesForYear } from '#core/campaign/copy.ts';
import { getTemplate } from '#core/campaign/templates/index.ts';
import { createAnnouncement } from '../modules/announcements/create-announcement.ts';
import { openAnnouncement } from '../modules/announcements/open-announcement.ts';
import { listEntries } from '../modules/announcements/queries.ts';
import { scheduleAnnouncement } from '../modules/announcements/schedule-announcement.ts';
import { runAnnouncementTick } from '../modules/announcements/tick.ts';
import {
  insertCampaign,
  provideCampaignFollowUp,
  transitionCampaign,
} from '../modules/campaigns/transition-campaign.ts';
import { selectShortlist } from '../modules/nominations/select-shortlist.ts';
import { transitionNomination } from '../modules/nominations/service.ts';
import { issueCaptcha } from '../modules/objections/captcha.ts';
import { addObjectionNote } from '../modules/objections/handling-notes.ts';
import { submitObjection } from '../modules/objections/submit-objection.ts';
import { handleObjection } from '../modules/objections/transition-objection.ts';
import { approveCampaign } from '../modules/results/approve-campaign.ts';
import { publishResults } from '../modules/results/publish-results.ts';
import { requestApproval } from '../modules/results/request-approval.ts';
import type { AppContext } from '../platform/context.ts';
import { seedDemoActivities } from './demo-activities.ts';
import {
  APPROVAL_COMMENT,
  DECISION_DAYS,
  DECISION_DOC_NUMBER,
  decisionNominations,
  OBJECTED,
  OBJECTION_CONCLUSION,
  OBJECTION_FACTS,
  OBJECTION_NOTE,
  OBJECTION_REPLY,
  OBJECTOR,
} from './demo-decision-people.ts';
import { demoActor, seedDemoNominations } from './demo-nominations.ts';

const YEAR = 2025;
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The objector answers the form's arithmetic question, as a person reading it would. */
function answerOf(question: string): string {
  const m = /^(.+?)([加减])(.+?)等于几/.exec(question);
  if (!m) throw new Error(`验证问题无法解答：${question}`);
  const [a, b] = [DIGITS.indexOf(m[1]!), DIGITS.indexOf(m[3]!)];
  return String(m[2] === '加' ? a + b : a - b);
}

/** The context as it stood on one day of the round: the services read the time from its clock. */
function on(context: AppContext, instant: string): AppContext {
  const at = new Date(instant);
  return { ...context, clock: { now: () => at } };
}

/**
 * Seeds the finished round once (a second call finds it and does nothing); skipped when the first start
 * is before the round's publication (a rehearsal clock set back). Runs before the app's workers start, so
 * no tick of the real clock moves the 公示 under it. Returns the campaign id, or null when skipped.
 */
export async function seedDemoDecision(context: AppContext, now: Date): Promise<string | null> {
  if (now < new Date(DECISION_DAYS.published)) return null;
  const { db, jobs } = context;
  // 审定入选 is the nominations module's follow-up, which app.ts hands to campaigns; the seed runs before
  // the app is built, so it hands over the same one.
  provideCampaignFollowUp('approved', selectShortlist);

  const rules = copyRulesForYear(getTemplate('jilin-2023')!, YEAR);
  rules.deadline = { date: DECISION_DAYS.deadline, time: '17:00', timeFromNotice: false };
  const found = await db
    .selectFrom('campaigns')
    .select('id')
    .where('title', '=', rules.title)
    .executeTakeFirst();
  if (found) return null;

  const { campaignId, organiser, approver, unitId } = await db.transaction().execute(async (trx) => {
    const names = ['吉林省教育厅', '中国成人教育协会', '长春市教育局'];
    const orgs = await trx
      .selectFrom('organisations')
      .select(['id', 'name', 'path'])
      .where('name', 'in', names)
      .execute();
    const byName = (name: string) => orgs.find((o) => o.name === name)!;
    const campaign = await insertCampaign(trx, null, byName('吉林省教育厅'), rules, {
      templateId: 'jilin-2023',
      copiedFrom: null,
      demoOpen: true,
    });
    const submitted = new Date(DECISION_DAYS.submitted);
    const unit = byName('长春市教育局');
    await seedDemoNominations(
      trx,
      campaign,
      unit.id,
      decisionNominations(rules, todayInShanghai(submitted)),
      submitted,
    );
    return {
      campaignId: campaign.id,
      organiser: await demoActor(trx, campaign.organiserId, 'organiser_admin'),
      approver: await demoActor(trx, byName('中国成人教育协会').id, 'approver'),
      unitId: unit.id,
    };
  });

  // 评审: reporting closed; the panel's 拟推介名单 (every accepted nomination) is confirmed by the organiser.
  await transitionCampaign(db, organiser, campaignId, 'reviewing', jobs, new Date(DECISION_DAYS.reviewing));
  const nominations = await db
    .selectFrom('nominations')
    .select('id')
    .where('campaignId', '=', campaignId)
    .where('unitId', '=', unitId)
    .orderBy('rank')
    .execute();
  for (const n of nominations)
    await transitionNomination(db, organiser, n.id, {
      to: 'shortlisted',
      now: new Date(DECISION_DAYS.shortlisted),
    });

  // 公示: drafted from the list, scheduled for its Monday, opened that morning.
  let announcement = await createAnnouncement(db, organiser, campaignId);
  announcement = await scheduleAnnouncement(
    db,
    organiser,
    campaignId,
    { version: announcement.version, startDay: DECISION_DAYS.announcementStart },
    jobs,
    new Date(DECISION_DAYS.scheduled),
  );
  announcement = await openAnnouncement(
    db,
    organiser,
    campaignId,
    { version: announcement.version },
    jobs,
    new Date(DECISION_DAYS.opened),
  );

  // 异议: made through the public form by a named person, then handled by the organiser.
  const entry = (await listEntries(db, announcement.id)).find((e) => e.name === OBJECTED)!;
  const objectedOn = on(context, DECISION_DAYS.objected);
  const captcha = issueCaptcha(objectedOn.clock.now());
  const { receipt } = await submitObjection(
    objectedOn,
    {
      announcementId: announcement.id,
      entryId: entry.id,
      objectorKind: 'person',
      ...OBJECTOR,
      facts: OBJECTION_FACTS,
      captcha: { token: captcha.token, answer: answerOf(captcha.question) },
    },
    [],
    { ip: '127.0.0.1' },
  );
  const objection = await db
    .selectFrom('objections')
    .select('id')
    .where('receipt', '=', receipt)
    .executeTakeFirstOrThrow();
  const handle = (to: 'investigating' | 'dismissed' | 'replied', reason: string | undefined, at: string) =>
    handleObjection(db, organiser, objection.id, { to, reason }, new Date(at));
  await handle('investigating', undefined, DECISION_DAYS.accepted);
  await addObjectionNote(db, organiser, objection.id, OBJECTION_NOTE, new Date(DECISION_DAYS.noted));
  await handle('dismissed', OBJECTION_CONCLUSION, DECISION_DAYS.concluded);

  // The period ends: the platform's tick closes the 公示 just after midnight.
  await runAnnouncementTick(context, new Date(DECISION_DAYS.closed));
  await handle('replied', OBJECTION_REPLY, DECISION_DAYS.replied);

  // 审定 and 公布.
  await requestApproval(context, organiser, campaignId);
  await approveCampaign(on(context, DECISION_DAYS.approved), approver, campaignId, {
    comment: APPROVAL_COMMENT,
  });
  await publishResults(on(context, DECISION_DAYS.published), organiser, campaignId, {
    docNumber: DECISION_DOC_NUMBER,
  });
  await seedDemoActivities(context, campaignId);
  await context.publicPages.changed();
  return campaignId;
}
