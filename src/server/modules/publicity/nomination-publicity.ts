/**
 * What the organiser's formal check shows of one nomination: the unit's 公示 records that name it, each
 * counted against that nomination's own submission (else the unit's deadline). The nominations module
 * calls this; it passes what it knows of the nomination, so this module never imports it back.
 */
import type { NominationPublicity } from '#core/contract/publicity.ts';
import { nominationPublicity } from '#core/publicity/nomination-coverage.ts';
import type { Db } from '#server/platform/db/database.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { coverageOf, unitFacts } from './coverage-facts.ts';
import { fileUrl } from './presenter.ts';
import { publicityRows } from './queries.ts';

export async function publicityOfNomination(
  db: Db,
  campaign: CampaignRow,
  nomination: { id: string; unitId: string; state: string; submittedAt: Date | string | null },
): Promise<NominationPublicity> {
  const [rows, facts] = await Promise.all([
    publicityRows(db, campaign.id, nomination.unitId),
    unitFacts(db, campaign, nomination.unitId),
  ]);
  const submittedAt = nomination.submittedAt === null ? null : new Date(nomination.submittedAt);
  const records = rows.map((row) => ({
    nominationIds: row.nominationIds,
    id: row.id,
    place: row.place,
    url: row.url,
    fromDay: row.fromDay,
    toDay: row.toDay,
    fileUrl: row.storageKey ? fileUrl(row.id) : null,
    coverage: coverageOf(row, [{ state: nomination.state as 'submitted', submittedAt }], facts),
  }));
  const result = nominationPublicity(records, nomination.id);
  return {
    covered: result.covered,
    findings: result.findings,
    records: result.records.map(({ nominationIds: _, ...record }) => record),
  };
}
