import { addDays } from '#core/calendar/iso-date.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { copyRulesForYear } from '#core/campaign/copy.ts';
import { getTemplate } from '#core/campaign/templates/index.ts';
import { insertCampaign } from '../modules/campaigns/transition-campaign.ts';
import type { OrganisationRow } from '../modules/organisations/queries.ts';
import type { Trx } from '../platform/db/database.ts';
import { changchunDemo, jilinProvinceDemo, seedDemoNominations } from './demo-nominations.ts';

/** Days from the first start to the demo campaigns' deadline: long enough to try everything. */
const DEMO_DEADLINE_DAYS = 30;

/**
 * This year's national and Jilin rounds, copied from the built-in templates the way an organiser copies
 * last year's, with a deadline a month ahead, open for reporting.
 */
export async function seedDemoCampaigns(
  trx: Trx,
  organisers: { national: OrganisationRow; jilin: OrganisationRow },
  /** null: campaigns without demo nominations (tests start from an empty campaign). */
  changchunId: string | null,
  now: Date,
) {
  const today = todayInShanghai(now);
  const year = Number(today.slice(0, 4));
  const deadline = addDays(today, DEMO_DEADLINE_DAYS);
  for (const [templateId, organiser] of [
    ['national-2024', organisers.national],
    ['jilin-2023', organisers.jilin],
  ] as const) {
    const rules = copyRulesForYear(getTemplate(templateId)!, year);
    rules.deadline = { date: deadline, time: '17:00', timeFromNotice: false };
    const campaign = await insertCampaign(trx, null, organiser, rules, {
      templateId,
      copiedFrom: null,
      demoOpen: true,
    });
    if (changchunId === null) continue;
    if (organiser === organisers.jilin) {
      await seedDemoNominations(trx, campaign, changchunId, changchunDemo(rules, today), now);
    } else {
      await seedDemoNominations(trx, campaign, organisers.jilin.id, jilinProvinceDemo(rules), now);
    }
  }
}
