/**
 * One organiser's campaign with two stars and a project on the 拟推介名单, announced from 2026-09-30: the
 * period (5 working days, the first counted) crosses 国庆节 and its 调休 Saturday and ends on 2026-10-12.
 */
import type { AnnouncementState } from '#core/announcement/states.ts';
import { transitionNomination } from '#server/modules/nominations/service.ts';
import { type ManualClock, manualClock } from '#server/platform/clock.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import {
  newAnnouncement,
  type TestAnnouncement,
} from '#test/support/factories/announcements-interim-site.ts';
import {
  moveCampaign,
  newCampaign,
  newNomination,
  newOrganiser,
  newUnit,
  type TestCampaign,
  type TestNomination,
} from '#test/support/factories/index.ts';

/** 2026-09-30 10:00 Beijing time. */
export const START = '2026-09-30T02:00:00Z';
export const START_DAY = '2026-09-30';
export const END_DAY = '2026-10-12';

export interface PublicSite {
  t: TestApp;
  clock: ManualClock;
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

export async function publicSite(
  options: { state?: AnnouncementState; listen?: boolean } = {},
): Promise<PublicSite> {
  const clock = manualClock(START);
  const t = await createTestApp({ clock, listen: options.listen });
  const organiser = await newOrganiser(t);
  const unit = await newUnit(t, organiser);
  const campaign = await newCampaign(t, organiser);
  const nominations = [
    await newNomination(t, { campaign, unit, state: 'accepted' }),
    await newNomination(t, { campaign, unit, state: 'accepted' }),
    await newNomination(t, { campaign, unit, state: 'accepted', category: 'project' }),
  ];
  await moveCampaign(t, campaign, 'reviewing');
  for (const n of nominations) {
    await transitionNomination(t.context.db, organiser.admin.actor, n.id, {
      to: 'shortlisted',
      now: clock.now(),
    });
  }
  const announcement = await newAnnouncement(t, campaign, {
    state: options.state ?? 'open',
    startDay: START_DAY,
  });
  return { t, clock, campaign, nominations, announcement };
}
