import { todayInShanghai } from '../../../core/calendar/today.ts';
import type { CampaignLevel, Category } from '../../../core/campaign/rules.ts';
import type { Finding } from '../../../core/findings.ts';
import {
  checkNomination,
  deriveStarIdentity,
  EDITABLE_STATES,
  type NominationState,
  type PreviousWinnerRecord,
} from '../../../core/nomination/index.ts';
import { submissionFindings } from '../../../core/nomination/submission-findings.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { materialFindings } from '../materials/nomination-materials.ts';
import type { NominationRow } from './queries.ts';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Another campaign's nomination as a record to compare with: the same person or programme twice is caught. */
function recordOf(n: {
  id: string;
  category: string;
  form: Record<string, unknown>;
  year: number;
  level: string;
  unitName: string;
}): PreviousWinnerRecord {
  const star = n.category === 'star';
  return {
    year: n.year,
    level: n.level as CampaignLevel,
    category: n.category as Category,
    name: text(n.form.name) ?? '',
    province: n.unitName,
    unit: text(star ? n.form.workUnit : n.form.entityName),
    birthDate:
      star && text(n.form.idNumber)
        ? deriveStarIdentity({ idNumber: text(n.form.idNumber) }).birthDate
        : undefined,
    idNumber: star ? text(n.form.idNumber) : undefined,
    creditCode: star ? undefined : text(n.form.creditCode),
    nominationId: n.id,
  };
}

/**
 * The registry a nomination is checked against: published previous winners of its category, and
 * every other nomination of that category in any campaign that was submitted at some point.
 */
export async function registryFor(db: Db | Trx, category: Category): Promise<PreviousWinnerRecord[]> {
  const [winners, nominations] = await Promise.all([
    db.selectFrom('previousWinners').selectAll().where('category', '=', category).execute(),
    db
      .selectFrom('nominations as n')
      .innerJoin('campaigns as c', 'c.id', 'n.campaignId')
      .innerJoin('organisations as u', 'u.id', 'n.unitId')
      .select(['n.id', 'n.category', 'n.form', 'c.year', 'c.level', 'u.name as unitName'])
      .where('n.category', '=', category)
      .where('n.state', 'not in', ['draft', 'withdrawn'])
      .execute(),
  ]);
  return [
    ...winners.map((w) => ({
      year: w.year,
      level: w.level as CampaignLevel,
      category,
      name: w.name,
      province: w.provinceOrUnit ?? undefined,
      unit: w.workUnit ?? undefined,
      birthDate: w.birthDate ?? undefined,
      idNumber: w.idNumber ?? undefined,
      creditCode: w.creditCode ?? undefined,
    })),
    ...nominations.map((n) => recordOf({ ...n, form: n.form as Record<string, unknown> })),
  ];
}

/**
 * Everything the core checks say about a nomination now: shape, completeness, eligibility, identity,
 * its material (the submit rule: required slots supplied and passed or waived) and, unless `duplicates`
 * is false, previous winners and other nominations. Autosaves skip the registry: it is read whole, the
 * browser checks the rest itself, and opening or submitting runs it.
 */
export async function nominationFindings(
  db: Db | Trx,
  n: NominationRow,
  campaign: CampaignRow,
  { duplicates = true } = {},
): Promise<Finding[]> {
  const category = n.category as Category;
  // A frozen nomination is judged as of the day it was submitted (its credit check, for one).
  const frozen = !EDITABLE_STATES.has(n.state as NominationState) && n.submittedAt !== null;
  const form = checkNomination(category, n.form, campaign.rules, {
    submittedOn: frozen ? todayInShanghai(new Date(n.submittedAt!)) : undefined,
    registry: duplicates ? await registryFor(db, category) : undefined,
    nominationId: n.id,
    overrides: n.overrides.map(({ code, reason }) => ({ code, reason })),
  });
  return submissionFindings({ form, material: await materialFindings(db, n, campaign) });
}

/**
 * What a list row shows beyond the state: the work unit or implementing entity, and for a nomination
 * still being edited how many problems remain (registry matches aside: they need the database).
 */
export function listDetails(n: NominationRow, campaign: Pick<CampaignRow, 'rules'>) {
  const entity = text(n.category === 'star' ? n.form.workUnit : n.form.entityName) ?? '';
  if (!EDITABLE_STATES.has(n.state as NominationState)) return { entity, openErrors: null };
  const findings = checkNomination(n.category as Category, n.form, campaign.rules);
  return { entity, openErrors: findings.filter((f) => f.severity === 'error').length };
}
