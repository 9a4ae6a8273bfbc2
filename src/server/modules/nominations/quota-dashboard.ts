import { effectiveQuota, quotaFindings } from '#core/campaign/quotas.ts';
import { CATEGORIES, type Category } from '#core/campaign/rules.ts';
import { organisationTypeLabel } from '#core/campaign/unit-types.ts';
import type { Finding } from '#core/findings.ts';
import { QUOTA_STATES } from '#core/nomination/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { forbidden } from '#server/platform/errors.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { listActiveChildren } from '../organisations/service.ts';
import { nominationRules } from './rules.ts';

/** Every reporting unit's quota use, live: what the organiser watches while units report. */
export async function quotaDashboard(db: Db, actor: Actor, campaignId: string) {
  const campaign = await visibleCampaign(db, actor, campaignId);
  if (!nominationRules.can(actor, 'actAsOrganiser', { unitId: '', organiserPath: campaign.organiserPath }))
    throw forbidden();
  const [units, counts] = await Promise.all([
    listActiveChildren(db, campaign.organiserId),
    db
      .selectFrom('nominations')
      .select(['unitId', 'category', 'state', 'special', (eb) => eb.fn.countAll<string>().as('n')])
      .where('campaignId', '=', campaign.id)
      .groupBy(['unitId', 'category', 'state', 'special'])
      .execute(),
  ]);
  return units
    .map((unit) => {
      const type = unit.type;
      const override = campaign.rules.quotas.unitOverrides[unit.id];
      const findings: Finding[] = [];
      const perCategory = Object.fromEntries(
        CATEGORIES.map((category: Category) => {
          const mine = counts.filter((c) => c.unitId === unit.id && c.category === category);
          const sum = (pick: (c: (typeof mine)[number]) => boolean) =>
            mine.filter(pick).reduce((t, c) => t + Number(c.n), 0);
          const used = sum((c) => QUOTA_STATES.has(c.state) && !c.special);
          const special = sum((c) => QUOTA_STATES.has(c.state) && c.special);
          const drafts = sum((c) => c.state === 'draft' || c.state === 'returned');
          const quota = effectiveQuota(campaign.rules, type, override, category);
          if (quota)
            findings.push(
              ...quotaFindings(campaign.rules, type, override, category, { regular: used, special }),
            );
          return [category, { min: quota?.min ?? 0, max: quota?.max ?? 0, used, special, drafts }];
        }),
      ) as Record<Category, { min: number; max: number; used: number; special: number; drafts: number }>;
      return {
        unitId: unit.id,
        unitName: unit.name,
        unitTypeLabel: organisationTypeLabel(type),
        ...perCategory,
        findings,
      };
    })
    .filter((u) => u.star.max > 0 || u.project.max > 0);
}
