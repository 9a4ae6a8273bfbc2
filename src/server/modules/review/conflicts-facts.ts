/**
 * The facts recusal is computed from, gathered from where the platform keeps them: the pool (employer,
 * province, ID number, declared relations), the expert's account (organisation and its place in the
 * tree), the experts' own declarations; the nominations' reporting units and frozen forms (nominee and ID
 * number for stars, entity and credit code for projects), and the units' exclusion requests.
 */
import type { Category } from '#core/campaign/rules.ts';
import type { ConflictCode, Dismissal, ExpertFacts, NominationFacts } from '#core/review/conflict-facts.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { matchHash } from '#server/platform/personal-data/envelope.ts';
import { relationFacts } from './experts-relatives.ts';
import type { PoolRow } from './pool-queries.ts';

/** Nominations past the formal check: what experts review, and what conflicts are computed for. */
export const REVIEWED_STATES = ['accepted', 'shortlisted', 'not_selected', 'selected'] as const;

const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * People are compared by the keyed hash of their ID number: nominees', pool experts' and their declared
 * relatives' numbers are sealed at rest and only their stored hashes are read here (migrations 0021,
 * 0028; experts-relatives.ts). A number typed in (a candidate being checked) is hashed the same way, by
 * the platform's matchHash.
 */
export const idHash = (value: string | null | undefined) =>
  value?.trim() ? matchHash('idNumber', value, dataKeys()) : null;

/** An expert of the pool (or a candidate) as core's recusal rules see them. */
export function expertFacts(
  expert: Pick<
    PoolRow,
    'expertId' | 'name' | 'idNumberHash' | 'employerName' | 'employerCreditCode' | 'province' | 'relations'
  > & { organisation: { id: string; path: string; name: string } | null },
  declarations: readonly { nominationId: string; reason: string }[],
): ExpertFacts {
  return {
    id: expert.expertId,
    name: expert.name,
    idNumber: expert.idNumberHash,
    organisation: expert.organisation,
    employer:
      expert.employerName || expert.employerCreditCode
        ? { name: expert.employerName, creditCode: expert.employerCreditCode }
        : null,
    province: expert.province,
    // Stored relations: each declared person's number is read as its stored match hash.
    relations: relationFacts(expert.relations, dataKeys()),
    declarations,
  };
}

export const poolOrganisation = (
  row: Pick<PoolRow, 'organisationId' | 'organisationPath' | 'organisationName'>,
) => ({
  id: row.organisationId,
  path: row.organisationPath,
  name: row.organisationName,
});

export interface ReviewedNomination {
  id: string;
  category: Category;
  state: string;
  title: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  unitRegion: string | null;
  form: Record<string, unknown>;
  idNumberHash: string | null;
}

export async function reviewedNominations(db: Db | Trx, campaignId: string): Promise<ReviewedNomination[]> {
  const rows = await db
    .selectFrom('nominations as n')
    .innerJoin('organisations as u', 'u.id', 'n.unitId')
    .select([
      'n.id',
      'n.category',
      'n.state',
      'n.title',
      'n.unitId',
      'u.name as unitName',
      'u.path as unitPath',
      'u.regionCode as unitRegion',
      'n.form',
      'n.snapshot',
      'n.idNumberHash',
    ])
    .where('n.campaignId', '=', campaignId)
    .where('n.state', 'in', REVIEWED_STATES)
    .orderBy('n.rank')
    .orderBy('n.createdAt')
    .execute();
  return rows.map(({ snapshot, form, ...n }) => ({
    ...n,
    form: (snapshot ?? form ?? {}) as Record<string, unknown>,
  }));
}

/** What the recusal rules read of a nomination; `exclusions` are the unit's requests. */
export function nominationFacts(
  n: ReviewedNomination,
  exclusions: readonly { expertId: string; reason: string }[],
): NominationFacts {
  const f = n.form;
  const people =
    n.category === 'star'
      ? [{ name: str(f.name) ?? '', idNumber: n.idNumberHash }]
      : str(f.contactName)
        ? [{ name: str(f.contactName)!, idNumber: null }]
        : [];
  const entities =
    n.category === 'project'
      ? [{ name: str(f.entityName), creditCode: str(f.creditCode) }]
      : str(f.workUnit)
        ? [{ name: str(f.workUnit) }]
        : [];
  return {
    id: n.id,
    unit: { id: n.unitId, path: n.unitPath, name: n.unitName },
    // The reporting unit's region code when known, else its name (吉林省教育厅 → 22).
    province: n.unitRegion ?? n.unitName,
    people: people.filter((p) => p.name !== ''),
    entities,
    exclusions,
  };
}

/** The label officials know a nomination by: the nominee's name or the project's name. */
export const nominationLabel = (n: Pick<ReviewedNomination, 'title' | 'form'>) =>
  n.title || str(n.form.name) || '（未填写名称）';

export async function campaignDeclarations(db: Db | Trx, nominationIds: readonly string[]) {
  if (nominationIds.length === 0) return [];
  return db
    .selectFrom('reviewDeclarations')
    .select(['nominationId', 'expertId', 'reason'])
    .where('nominationId', 'in', nominationIds)
    .execute();
}

export async function campaignExclusions(db: Db | Trx, nominationIds: readonly string[]) {
  if (nominationIds.length === 0) return [];
  return db
    .selectFrom('reviewExclusionRequests')
    .select(['nominationId', 'expertId', 'reason'])
    .where('nominationId', 'in', nominationIds)
    .execute();
}

export async function campaignDismissals(
  db: Db | Trx,
  nominationIds: readonly string[],
): Promise<Dismissal[]> {
  if (nominationIds.length === 0) return [];
  const rows = await db
    .selectFrom('reviewDismissals')
    .select(['nominationId', 'expertId', 'code', 'reason'])
    .where('nominationId', 'in', nominationIds)
    .execute();
  return rows.map((r) => ({ ...r, code: r.code as ConflictCode }));
}

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}
