/**
 * A campaign at 公示 as these tests need it: a province's campaign (Jilin's template) with nominations put
 * on the 拟推介名单 through the real services, the 公示 made with the announcement factory, and an
 * approver (审定人) of the organiser. A closed 公示 (the default) needs the app on a manual clock: its
 * period is lived through by moving the clock past the end day.
 */

import type { AnnouncementState } from '#core/announcement/states.ts';
import type { Category } from '#core/campaign/rules.ts';
import { markSpecial } from '#server/modules/nominations/registration.ts';
import { transitionNomination } from '#server/modules/nominations/service.ts';
import type { TestApp } from '#test/support/app.ts';
import {
  moveCampaign,
  newAccount,
  newAnnouncement,
  newCampaign,
  newNomination,
  newOrganiser,
  newUnit,
  type TestAccount,
  type TestCampaign,
  type TestNomination,
  type TestOrganiser,
  type TestUnit,
} from '#test/support/factories/index.ts';

export interface NominationPick {
  unit: number;
  category: Category;
  special?: boolean;
}

export interface ShortlistedCampaign {
  organiser: TestOrganiser;
  units: TestUnit[];
  campaign: TestCampaign;
  approver: TestAccount;
  nominations: TestNomination[];
  announcement: Awaited<ReturnType<typeof newAnnouncement>>;
}

export async function shortlistedCampaign(
  t: TestApp,
  options: {
    organiser?: TestOrganiser;
    units?: { name: string; regionCode: string }[];
    picks: NominationPick[];
    announcement?: AnnouncementState;
    year?: number;
  },
): Promise<ShortlistedCampaign> {
  const organiser = options.organiser ?? (await newOrganiser(t, { regionCode: '220000' }));
  const units: TestUnit[] = [];
  for (const u of options.units ?? [{ name: `长春市教育局${Date.now() % 1000}`, regionCode: '220100' }])
    units.push(await newUnit(t, organiser, u));
  const campaign = await newCampaign(t, organiser, {
    change: (rules) => {
      if (options.year) rules.year = options.year;
    },
  });
  const { db, clock } = t.context;
  const nominations: TestNomination[] = [];
  for (const pick of options.picks) {
    const n = await newNomination(t, {
      campaign,
      unit: units[pick.unit]!,
      category: pick.category,
      state: 'submitted',
    });
    if (pick.special) await markSpecial(db, n.unit.submitter.actor, n.id, true, clock.now());
    await transitionNomination(db, organiser.admin.actor, n.id, { to: 'accepted', now: clock.now() });
    nominations.push(n);
  }
  await moveCampaign(t, campaign, 'reviewing');
  for (const n of nominations)
    await transitionNomination(db, organiser.admin.actor, n.id, { to: 'shortlisted', now: clock.now() });
  const approver = await newAccount(t, organiser.admin, {
    organisationId: organiser.organisationId,
    roles: ['approver'],
    displayName: '审定负责人',
  });
  const announcement = await newAnnouncement(t, campaign, { state: options.announcement ?? 'closed' });
  return { organiser, units, campaign, approver, nominations, announcement };
}
