/**
 * Who missed the deadline, for the organiser: each reporting unit whose deadline (its extension
 * included) has passed with work left unsubmitted (withdrawn as 逾期视为自动放弃 where the rules say so,
 * else still a draft) or nothing submitted at all. Counts only: a draft is the unit's own work, never
 * shown to the organiser.
 */

import { effectiveQuota } from '#core/campaign/quotas.ts';
import { CATEGORIES, type Category } from '#core/campaign/rules.ts';
import { isPastUnitDeadline } from '#core/nomination/moves.ts';
import { QUOTA_STATES } from '#core/nomination/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { forbidden } from '#server/platform/errors.ts';
import { unitDeadlines, visibleCampaign } from '../campaigns/service.ts';
import { listActiveChildren } from '../organisations/service.ts';
import { nominationRules } from './rules.ts';

export async function missedDeadline(db: Db, actor: Actor, campaignId: string, now: Date) {
  const campaign = await visibleCampaign(db, actor, campaignId);
  if (!nominationRules.can(actor, 'actAsOrganiser', { unitId: '', organiserPath: campaign.organiserPath }))
    throw forbidden();
  const [units, deadlineOf, counts] = await Promise.all([
    listActiveChildren(db, campaign.organiserId),
    unitDeadlines(db, campaign),
    db
      .selectFrom('nominations')
      .select([
        'unitId',
        'category',
        'state',
        (eb) => eb.fn.countAll<string>().as('n'),
        (eb) => eb.fn.count<string>('lapsedAt').as('lapsed'),
      ])
      .where('campaignId', '=', campaign.id)
      .groupBy(['unitId', 'category', 'state'])
      .execute(),
  ]);
  return units
    .filter((unit) =>
      // Units without a quota are not asked to nominate.
      CATEGORIES.some(
        (category) =>
          (effectiveQuota(campaign.rules, unit.type, campaign.rules.quotas.unitOverrides[unit.id], category)
            ?.max ?? 0) > 0,
      ),
    )
    .flatMap((unit) => {
      const deadline = deadlineOf(unit.id);
      if (!isPastUnitDeadline(deadline, now.getTime())) return [];
      const mine = counts.filter((c) => c.unitId === unit.id);
      const lapsed = Object.fromEntries(
        CATEGORIES.map((category: Category) => [
          category,
          mine.filter((c) => c.category === category).reduce((t, c) => t + Number(c.lapsed), 0),
        ]),
      ) as Record<Category, number>;
      const submitted = mine.filter((c) => QUOTA_STATES.has(c.state)).reduce((t, c) => t + Number(c.n), 0);
      // Still a draft or returned past the deadline: kept as it is, or withdrawn at the job's next run.
      const unsubmitted = mine
        .filter((c) => c.state === 'draft' || c.state === 'returned')
        .reduce((t, c) => t + Number(c.n), 0);
      if (lapsed.star + lapsed.project + unsubmitted === 0 && submitted > 0) return [];
      return [
        {
          unitId: unit.id,
          unitName: unit.name,
          deadlineAt: new Date(deadline.at!).toISOString(),
          extended: deadline.extended,
          lapsed,
          unsubmitted,
          submitted,
        },
      ];
    });
}
