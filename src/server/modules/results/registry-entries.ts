/**
 * Published winners enter the previous-winners registry by themselves, kept by the campaign's organiser
 * in its round (year, level), with the same natural key an import computes (ID number for a star, credit
 * code and name for a project), so next year's nomination of the same person or programme is caught
 * without anyone importing the list. Entering twice changes nothing; a record typed in earlier is linked
 * to the campaign and nomination it came from.
 */
import { sql } from 'kysely';
import type { PreviousWinnerRecord } from '#core/nomination/previous-winners.ts';
import { registryCandidate } from '#core/nomination/registry-candidate.ts';
import { winnerNaturalKey } from '#core/nomination/winner-import.ts';
import type { Trx } from '#server/platform/db/database.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { revealForm } from '#server/platform/personal-data/sealed-form.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { columnsOf } from '../winners/service.ts';
import type { winnersOf } from './queries.ts';

type Winner = Awaited<ReturnType<typeof winnersOf>>[number];

const nonEmpty = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

export function registryRecordOf(campaign: CampaignRow, w: Winner, today: string): PreviousWinnerRecord {
  // Opened here, by the platform, to be sealed again in the registry's own column (winners/columnsOf).
  const form = revealForm((w.form ?? {}) as Record<string, unknown>, dataKeys());
  const c = registryCandidate(w.category, form, today);
  return {
    year: campaign.year,
    level: campaign.level,
    category: w.category,
    name: nonEmpty(c.name) ?? w.title,
    province: w.unitName,
    unit: nonEmpty(c.unit),
    birthDate: c.birthDate,
    idNumber: nonEmpty(c.idNumber)?.toUpperCase(),
    creditCode: nonEmpty(c.creditCode)?.toUpperCase(),
  };
}

/** Writes the records; returns how many were new to the registry. */
export async function enterRegistry(
  trx: Trx,
  campaign: CampaignRow,
  winners: readonly Winner[],
  by: { accountId: string },
  today: string,
): Promise<{ entered: number; linked: number }> {
  const byKey = new Map<string, { record: PreviousWinnerRecord; nominationId: string }>();
  for (const w of winners) {
    const record = registryRecordOf(campaign, w, today);
    byKey.set(winnerNaturalKey(record), { record, nominationId: w.id });
  }
  if (byKey.size === 0) return { entered: 0, linked: 0 };
  const written = await trx
    .insertInto('previousWinners')
    .values(
      [...byKey.values()].map(({ record, nominationId }) => ({
        ...columnsOf(record),
        organisationId: campaign.organiserId,
        importedBy: by.accountId,
        campaignId: campaign.id,
        nominationId,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['organisationId', 'year', 'level', 'category', 'naturalKey']).doUpdateSet((eb) => ({
        campaignId: eb.ref('excluded.campaignId'),
        nominationId: eb.ref('excluded.nominationId'),
      })),
    )
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .execute();
  const entered = written.filter((r) => r.inserted).length;
  return { entered, linked: written.length - entered };
}
