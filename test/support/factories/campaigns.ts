/**
 * Campaigns as organisers make them: created from a built-in template through the campaigns service,
 * the rules saved as a new version (a deadline ahead of the app's clock, any test's changes), and opened
 * through the campaign transition function, which plans the deadline jobs.
 */
import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { madeElsewhere } from '#core/campaign/move-preconditions.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import type { CampaignState } from '#core/campaign/states.ts';
import { type CampaignRow, findCampaign } from '#server/modules/campaigns/queries.ts';
import { createCampaign } from '#server/modules/campaigns/service.ts';
import { transitionCampaign } from '#server/modules/campaigns/transition-campaign.ts';
import { updateCampaignRules } from '#server/modules/campaigns/update-rules.ts';
import { approveCampaign } from '#server/modules/results/approve-campaign.ts';
import { publishResults } from '#server/modules/results/publish-results.ts';
import { findAnnouncementOf } from '#server/modules/results/queries.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { type HasContext, newAccount } from './accounts.ts';
import { announceAs, endAnnouncementPeriod } from './announcements.ts';
import type { TestOrganiser } from './organisations.ts';

export type TemplateId = 'jilin-2023' | 'national-2024';

export interface TestCampaign {
  id: string;
  rules: CampaignRules;
  organiser: TestOrganiser;
  deadlineAt: Date;
}

/** Rules as a test wants them: the template's, with whatever it changes. */
export type RulesChange = (rules: CampaignRules) => void;

/**
 * An open campaign of `organiser`: by default from the Jilin 2023 template (its units are 市（州）教育局,
 * the default of `newUnit`), with a deadline `deadlineInDays` (30) after the app clock's today, 17:00.
 * Pass `status: 'draft'` to leave it unopened.
 */
export async function newCampaign(
  t: HasContext,
  organiser: TestOrganiser,
  options: {
    template?: TemplateId;
    deadlineInDays?: number;
    change?: RulesChange;
    status?: 'draft' | 'open';
  } = {},
): Promise<TestCampaign> {
  const { db, jobs, clock } = t.context;
  const actor = organiser.admin.actor;
  const created = await createCampaign(db, actor, { templateId: options.template ?? 'jilin-2023' });
  const rules = structuredClone(created.rules);
  const date = addDays(todayInShanghai(clock.now()), options.deadlineInDays ?? 30);
  rules.deadline = { date, time: '17:00', timeFromNotice: false };
  options.change?.(rules);
  const saved = await updateCampaignRules(
    db,
    actor,
    created.id,
    { rules, rulesVersion: created.rulesVersion },
    jobs,
    clock.now(),
  );
  let campaign: CampaignRow = saved.campaign;
  if ((options.status ?? 'open') === 'open')
    campaign = await transitionCampaign(db, actor, created.id, 'open', jobs, clock.now());
  return { id: campaign.id, rules: campaign.rules, organiser, deadlineAt: new Date(campaign.deadlineAt!) };
}

/**
 * Moves a campaign one step of its transition table as its organiser (e.g. open → reviewing), through the
 * status buttons' use case. 开始公示, 审定 and 公布 are refused there; they are made by their own use cases:
 * 开始公示 by a 公示 drafted from the shortlist, scheduled from the clock's today and opened (announceAs);
 * 审定 by an approver (审定人, made in the organiser's organisation) once the 公示 period has ended, lived
 * through on the manual clock (the tick closes it); 公布 by publishResults with a 文号. These three happen at
 * the clock's time (`now` is for the others).
 */
export function moveCampaign(
  t: HasContext,
  campaign: TestCampaign,
  to: CampaignState,
  now: Date = t.context.clock.now(),
): Promise<CampaignRow> {
  return moveCampaignAs(t, campaign.organiser.admin.actor, campaign.id, to, now);
}

/** moveCampaign for a test that holds an actor (e.g. `sessionActor` of an HTTP session) and a campaign id. */
export async function moveCampaignAs(
  t: HasContext,
  actor: Actor,
  campaignId: string,
  to: CampaignState,
  now: Date = t.context.clock.now(),
): Promise<CampaignRow> {
  const { db, jobs } = t.context;
  const current = (await findCampaign(db, campaignId))!;
  if (madeElsewhere(current.status, to) === null)
    return transitionCampaign(db, actor, campaignId, to, jobs, now);
  if (to === 'announcing') await announceAs(t, actor, campaignId);
  if (to === 'approved') {
    const announcement = (await findAnnouncementOf(db, campaignId))!;
    if (announcement.state === 'open') await endAnnouncementPeriod(t, announcement);
    const approver = await newAccount(
      t,
      { actor },
      {
        organisationId: current.organiserId,
        roles: ['approver'],
        displayName: '审定负责人',
      },
    );
    await approveCampaign(t.context, approver.actor, campaignId, {});
  }
  if (to === 'published')
    await publishResults(t.context, actor, campaignId, { docNumber: `测试〔${current.year}〕1号` });
  return (await findCampaign(db, campaignId))!;
}
