/**
 * What a unit's 公示 record must have to be kept: a place, a real http(s) link if any, real dates in order,
 * and only the unit's own nominations of the campaign. A period too short or in a year without calendar
 * data is kept and shown with its error finding: the unit did post it, and the organiser judges it.
 */
import { publicityCoverage } from '#core/publicity/coverage.ts';
import { AppError } from '#server/platform/errors.ts';
import type { UnitFacts } from './coverage-facts.ts';
import type { UnitNomination } from './queries.ts';

const REFUSED = new Set([
  'PUBLICITY_PLACE_MISSING',
  'PUBLICITY_URL_INVALID',
  'DATE_INVALID',
  'PUBLICITY_RANGE_REVERSED',
]);

export interface PublicityInput {
  place: string;
  url: string | null;
  fromDay: string;
  toDay: string;
  nominationIds: string[] | null;
  published: boolean;
}

/** The input as stored (trimmed, an empty link as none), or the refusal with every finding that refuses it. */
export function checkPublicityInput(
  input: PublicityInput,
  facts: UnitFacts,
  nominations: readonly UnitNomination[],
) {
  const record = {
    place: input.place.trim(),
    url: input.url?.trim() ? input.url.trim() : null,
    fromDay: input.fromDay.trim(),
    toDay: input.toDay.trim(),
  };
  const coverage = publicityCoverage(
    { ...record, hasFile: true },
    { calendar: facts.calendar, endBefore: null },
    facts.rules,
  );
  const refused = coverage.findings.filter((f) => REFUSED.has(f.code));
  if (refused.length > 0) {
    const code = refused.every((f) => f.code === 'DATE_INVALID') ? 'DATE_INVALID' : 'VALIDATION_FAILED';
    throw new AppError(code, refused.map((f) => f.message).join('；'), { findings: refused });
  }
  let nominationIds: string[] | null = null;
  if (input.nominationIds !== null) {
    const own = new Set(nominations.map((n) => n.id));
    if (input.nominationIds.length === 0)
      throw new AppError('VALIDATION_FAILED', '请选择公示的推介，或选择「本单位全部推介」');
    if (input.nominationIds.some((id) => !own.has(id)))
      throw new AppError(
        'VALIDATION_FAILED',
        '所选推介中有不属于本单位在本活动中的推介（可能已撤回），请刷新后重新选择',
      );
    nominationIds = [...new Set(input.nominationIds)];
  }
  return { ...record, nominationIds, published: input.published };
}
