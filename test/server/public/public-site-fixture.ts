/**
 * One organiser's campaign with two stars (the first marked 事迹特别感人) and a project on the 拟推介名单,
 * announced from 2026-09-30 through the announcements service: the period (5 working days, the first
 * counted) crosses 国庆节 and its 调休 Saturday and ends on 2026-10-12.
 */
import type { AnnouncementState } from '#core/announcement/states.ts';
import type { Category } from '#core/campaign/rules.ts';
import { markSpecial } from '#server/modules/nominations/registration.ts';
import { transitionNomination } from '#server/modules/nominations/service.ts';
import { type ManualClock, manualClock } from '#server/platform/clock.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import {
  completeForm,
  moveCampaign,
  newAnnouncement,
  newCampaign,
  newNomination,
  newOrganiser,
  newUnit,
  type TestAnnouncement,
  type TestCampaign,
  type TestNomination,
  type TestOrganiser,
  type TestUnit,
} from '#test/support/factories/index.ts';

/** 2026-09-30 10:00 Beijing time. */
export const START = '2026-09-30T02:00:00Z';
export const START_DAY = '2026-09-30';
export const END_DAY = '2026-10-12';

export interface PublicSite {
  t: TestApp;
  clock: ManualClock;
  organiser: TestOrganiser;
  unit: TestUnit;
  campaign: TestCampaign;
  nominations: TestNomination[];
  announcement: TestAnnouncement;
}

/** Everything personal a nomination's form holds: none of it may reach a public page. */
export function personalValues(form: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (/idnumber|phone|mobile|address|email|creditcode|postcode/i.test(key) && value.length >= 5)
        found.push(value);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, Array.isArray(value) ? key : k);
    }
  };
  walk(form, '');
  return found;
}

export interface Pick {
  category?: Category;
  special?: boolean;
  /** The name on the form (a star's 姓名, a project's 项目名称); a fresh one by default. */
  name?: string;
}

/**
 * A new organiser's campaign under review with `picks` on its 拟推介名单, all put forward by one unit in
 * 长春 (吉林省), submitted, marked, accepted and shortlisted through the real services.
 */
export async function shortlistedCampaign(
  t: TestApp,
  picks: readonly Pick[],
): Promise<{
  organiser: TestOrganiser;
  unit: TestUnit;
  campaign: TestCampaign;
  nominations: TestNomination[];
}> {
  const { db, clock } = t.context;
  const organiser = await newOrganiser(t);
  const unit = await newUnit(t, organiser, { regionCode: '220100' });
  const campaign = await newCampaign(t, organiser);
  const nominations: TestNomination[] = [];
  for (const pick of picks) {
    const category = pick.category ?? 'star';
    const form = completeForm(t, campaign, category);
    if (pick.name) form.name = pick.name;
    const n = await newNomination(t, { campaign, unit, category, form, state: 'submitted' });
    if (pick.special) await markSpecial(db, unit.submitter.actor, n.id, true, clock.now());
    await transitionNomination(db, organiser.admin.actor, n.id, { to: 'accepted', now: clock.now() });
    nominations.push(n);
  }
  await moveCampaign(t, campaign, 'reviewing');
  for (const n of nominations)
    await transitionNomination(db, organiser.admin.actor, n.id, { to: 'shortlisted', now: clock.now() });
  return { organiser, unit, campaign, nominations };
}

/**
 * The site over one announced campaign; `picks` default to two stars (the first special) and a project.
 * `closed` moves the clock to the day after the end day, where the platform's tick closes it.
 */
export async function publicSite(
  options: { state?: AnnouncementState; listen?: boolean; picks?: readonly Pick[] } = {},
): Promise<PublicSite> {
  const clock = manualClock(START);
  const t = await createTestApp({ clock, listen: options.listen });
  const shortlisted = await shortlistedCampaign(
    t,
    options.picks ?? [{ special: true }, {}, { category: 'project' }],
  );
  const announcement = await newAnnouncement(t, shortlisted.campaign, {
    state: options.state ?? 'open',
    startDay: START_DAY,
  });
  return { t, clock, ...shortlisted, announcement };
}
