/**
 * The demo review's conflicts of interest (回避), computed by core's findConflicts from the facts the seed
 * just stored (the pool's provinces and declared relations, the nominations' units, people and entities,
 * the unit's exclusion request) and written as the review setup keeps them: a row per pair with reasons.
 */
import type { ExpertFacts, NominationFacts } from '#core/review/conflict-facts.ts';
import { type ConflictCheck, findConflicts } from '#core/review/conflicts.ts';
import type { OrganisationRow } from '../modules/organisations/queries.ts';
import type { Trx } from '../platform/db/database.ts';
import type { Pooled } from './demo-review-people.ts';

export interface DemoConflictInput {
  campaignId: string;
  national: OrganisationRow;
  experts: readonly Pooled[];
  nominations: readonly { id: string; unitId: string; category: 'star' | 'project'; form: unknown }[];
  units: ReadonlyMap<string, OrganisationRow>;
  exclusion: { nominationId: string; expertId: string; reason: string };
  sameProvince: boolean;
  today: string;
}

export async function seedDemoConflicts(
  trx: Trx,
  input: DemoConflictInput,
): Promise<{ conflicts: ConflictCheck[]; nominationFacts: NominationFacts[] }> {
  const { national, exclusion } = input;
  const expertFacts: ExpertFacts[] = input.experts.map((e) => ({
    id: e.id,
    name: e.displayName,
    organisation: { id: national.id, path: national.path, name: national.name },
    employer: { name: e.employer },
    province: e.province,
    relations: e.relations,
    declarations: [],
  }));
  const nominationFacts: NominationFacts[] = input.nominations.map((n) => {
    const unit = input.units.get(n.unitId)!;
    const form = n.form as Record<string, string | undefined>;
    return {
      id: n.id,
      unit: { id: unit.id, path: unit.path, name: unit.name },
      province: unit.regionCode,
      people:
        n.category === 'star'
          ? [{ name: form.name ?? '', idNumber: form.idNumber }]
          : [{ name: form.contactName ?? '' }],
      entities:
        n.category === 'star'
          ? [{ name: form.workUnit }]
          : [{ name: form.entityName, creditCode: form.creditCode }],
      exclusions:
        n.id === exclusion.nominationId ? [{ expertId: exclusion.expertId, reason: exclusion.reason }] : [],
    };
  });
  const conflicts = findConflicts(expertFacts, nominationFacts, {
    sameProvince: input.sameProvince,
    today: input.today,
  });
  if (conflicts.length > 0)
    await trx
      .insertInto('reviewConflicts')
      .values(
        conflicts.map((c) => ({
          campaignId: input.campaignId,
          nominationId: c.nominationId,
          expertId: c.expertId,
          conflicted: c.conflicted,
          reasons: JSON.stringify(c.reasons),
          dismissed: JSON.stringify(c.dismissed),
        })),
      )
      .execute();
  return { conflicts, nominationFacts };
}
