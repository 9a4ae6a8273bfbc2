/**
 * What the organiser's formal check says of one nomination: whether a 公示 the unit recorded names it
 * (a record naming no nominations covers all the unit's in the campaign), and whether one of those was
 * long enough on the calendar.
 */
import { type Finding, warning } from '../findings.ts';

export interface RecordScope {
  /** null: every nomination the unit submits in the campaign. */
  nominationIds: readonly string[] | null;
}

export function namesNomination(record: RecordScope, nominationId: string): boolean {
  return record.nominationIds === null || record.nominationIds.includes(nominationId);
}

export const PUBLICITY_NOT_RECORDED = 'PUBLICITY_NOT_RECORDED';

export function nominationPublicity<R extends RecordScope & { coverage: { covers: boolean } }>(
  records: readonly R[],
  nominationId: string,
): { covered: boolean; records: R[]; findings: Finding[] } {
  const naming = records.filter((r) => namesNomination(r, nominationId));
  if (naming.length === 0) {
    return {
      covered: false,
      records: [],
      findings: [
        warning(
          PUBLICITY_NOT_RECORDED,
          'publicity',
          '报送单位尚未登记对该推介的公示（公示地点、起止日期），请核实其是否已按要求在本单位公示',
        ),
      ],
    };
  }
  return { covered: naming.some((r) => r.coverage.covers), records: naming, findings: [] };
}
