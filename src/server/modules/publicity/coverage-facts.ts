/**
 * What core's publicityCoverage needs about a campaign and a unit: the organiser's working calendar,
 * the campaign's 公示 rules, the unit's deadline (its extension included) and when it submitted.
 */
import { beijingIsoDate } from '#core/calendar/beijing-time.ts';
import type { CalendarOverride } from '#core/calendar/settings.ts';
import { endBeforeOf, type PublicityCoverage, publicityCoverage } from '#core/publicity/coverage.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { calendarSettingsOf } from '../calendar/service.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { unitDeadline } from '../campaigns/service.ts';
import type { PublicityRow, UnitNomination } from './queries.ts';

export interface UnitFacts {
  calendar: { overrides: CalendarOverride[]; confirmedYears: number[] };
  rules: CampaignRow['rules']['announcement'];
  deadlineDay: string | null;
}

export async function unitFacts(db: Db | Trx, campaign: CampaignRow, unitId: string): Promise<UnitFacts> {
  const [settings, deadline] = await Promise.all([
    calendarSettingsOf(db, campaign.organiserId),
    unitDeadline(db, campaign, unitId),
  ]);
  return {
    calendar: {
      overrides: [...(settings.overrides ?? [])],
      confirmedYears: [...(settings.confirmedYears ?? [])],
    },
    rules: campaign.rules.announcement,
    deadlineDay: deadline.at === null ? null : beijingIsoDate(deadline.at),
  };
}

/** The nominations a record names: its list, or every one of the unit's when it names none. */
export function namedBy(row: Pick<PublicityRow, 'nominationIds'>, nominations: readonly UnitNomination[]) {
  return row.nominationIds === null
    ? [...nominations]
    : nominations.filter((n) => row.nominationIds!.includes(n.id));
}

export const submittedDay = (n: Pick<UnitNomination, 'state' | 'submittedAt'>) =>
  n.submittedAt && n.state !== 'draft' ? beijingIsoDate(n.submittedAt) : null;

/** Coverage of a record against the submissions of `named` (else the deadline). */
export function coverageOf(
  row: Pick<PublicityRow, 'place' | 'url' | 'fromDay' | 'toDay' | 'storageKey'>,
  named: readonly Pick<UnitNomination, 'state' | 'submittedAt'>[],
  facts: UnitFacts,
): PublicityCoverage {
  const days = named.map(submittedDay).filter((d): d is string => d !== null);
  return publicityCoverage(
    {
      place: row.place,
      url: row.url,
      fromDay: row.fromDay,
      toDay: row.toDay,
      hasFile: row.storageKey !== null,
    },
    { calendar: facts.calendar, endBefore: endBeforeOf(days, facts.deadlineDay) },
    facts.rules,
  );
}
