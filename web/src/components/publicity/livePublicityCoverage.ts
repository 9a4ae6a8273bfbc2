/**
 * The coverage the server will compute, computed in the browser by the same core function while the
 * unit types: the organiser's calendar and the campaign's rules come with the list, the submission days
 * from the unit's own nominations.
 */
import { beijingIsoDate } from '#core/calendar/beijing-time.ts';
import { endBeforeOf, type PublicityCoverage, publicityCoverage } from '#core/publicity/coverage.ts';
import type { NominationSummary } from '#web/api/nominations.ts';
import type { UnitPublicityListResponse } from '#web/api/publicity.ts';

export interface DraftPublicity {
  place: string;
  url: string;
  fromDay: string;
  toDay: string;
  /** null: every nomination of the unit. */
  nominationIds: string[] | null;
  hasFile: boolean;
}

export function liveCoverage(
  draft: DraftPublicity,
  facts: UnitPublicityListResponse['facts'],
  nominations: readonly NominationSummary[],
): PublicityCoverage {
  const named = nominations.filter(
    (n) => n.state !== 'withdrawn' && (draft.nominationIds === null || draft.nominationIds.includes(n.id)),
  );
  const submittedDays = named
    .filter((n) => n.state !== 'draft' && n.submittedAt)
    .map((n) => beijingIsoDate(n.submittedAt!));
  return publicityCoverage(
    {
      place: draft.place,
      url: draft.url.trim() === '' ? null : draft.url,
      fromDay: draft.fromDay,
      toDay: draft.toDay,
      hasFile: draft.hasFile,
    },
    { calendar: facts.calendar, endBefore: endBeforeOf(submittedDays, facts.deadlineDay) },
    facts.rules,
  );
}
