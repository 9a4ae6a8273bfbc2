import { sql } from 'kysely';
import type { Category } from '#core/campaign/rules.ts';
import { type NominationState, QUOTA_STATES } from '#core/nomination/states.ts';
import { ORGANISER_VISIBLE_STATES } from '#core/nomination/visibility.ts';
import { compiledOnce } from '#server/platform/db/compiled-once.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { openedNomination } from './stored-form.ts';

function baseQuery(db: Db | Trx) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('campaigns as c', 'c.id', 'n.campaignId')
    .innerJoin('organisations as organiser', 'organiser.id', 'c.organiserId')
    .innerJoin('organisations as unit', 'unit.id', 'n.unitId')
    .select([
      'n.id',
      'n.campaignId',
      'n.unitId',
      'unit.name as unitName',
      'unit.type as unitType',
      'unit.path as unitPath',
      'organiser.path as organiserPath',
      'organiser.name as organiserName',
      // Whether an organisation above the organiser may look (read-only, masked): decision 0015.
      sql<boolean>`coalesce((c.rules #>> '{supervision,parentMayView}')::boolean, false)`.as('parentMayView'),
      'n.category',
      'n.state',
      'n.special',
      'n.rank',
      'n.title',
      'n.form',
      'n.snapshot',
      'n.contentHash',
      'n.submittedAt',
      'n.returnReason',
      'n.forwardedFrom',
      'n.overrides',
      'n.lapsedAt',
      'n.reviewRequestedAt',
      'n.version',
      'n.updatedAt',
    ]);
}

/** A warning the organiser accepted for this nomination. */
export interface StoredOverride {
  code: string;
  reason: string;
  by: string;
  at: string;
}

type StoredRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
export type NominationRow = Omit<StoredRow, 'form' | 'snapshot' | 'overrides'> & {
  overrides: StoredOverride[];
  form: Record<string, unknown>;
  snapshot: Record<string, unknown> | null;
};

const opened = (row: unknown) => (row ? openedNomination(row as NominationRow) : undefined);

/**
 * A nomination with its personal data opened: the nominations module serves it to the owning unit and
 * the organiser only (rules.ts, `view`). Readers who may not see it use `findSealedNomination`.
 */
export async function findNomination(db: Db | Trx, id: string) {
  return opened(await nominationById.first(db, id));
}

/** As stored: the personal fields sealed, each with its mask (for experts' views). */
export function findSealedNomination(db: Db | Trx, id: string) {
  return nominationById.first(db, id) as Promise<NominationRow | undefined>;
}

export async function lockNomination(trx: Trx, id: string) {
  return opened(await lockedNominationById.first(trx, id));
}

const nominationById = compiledOnce((db, id: string) => baseQuery(db).where('n.id', '=', id));
const lockedNominationById = compiledOnce((db, id: string) =>
  baseQuery(db).where('n.id', '=', id).forUpdate('n'),
);

export interface NominationFilter {
  campaignId: string;
  unitId?: string;
  category?: Category;
  state?: NominationState;
  /** Only what the organiser may see: submitted at least once and not withdrawn, or a draft shown on request. */
  organiserView?: boolean;
}

export async function listNominations(db: Db | Trx, f: NominationFilter): Promise<NominationRow[]> {
  return (await listSealedNominations(db, f)).map((row) => openedNomination(row));
}

/** As stored, the personal fields sealed: for the list page, which shows no form (listDetails). */
export async function listSealedNominations(db: Db | Trx, f: NominationFilter): Promise<NominationRow[]> {
  const has = {
    unitId: Boolean(f.unitId),
    category: Boolean(f.category),
    state: Boolean(f.state),
    organiserView: Boolean(f.organiserView),
  };
  const key = Object.values(has).join();
  let list = listsByShape.get(key);
  if (!list) {
    list = listOfShape(has);
    listsByShape.set(key, list);
  }
  const values = [f.unitId, f.category, f.state].filter((v): v is string => Boolean(v));
  return (await list.all(db, f.campaignId, ...values)) as NominationRow[];
}

/** One compiled list query for each combination of filters given (at most 16). */
const listsByShape = new Map<string, ReturnType<typeof listOfShape>>();

function listOfShape(has: { unitId: boolean; category: boolean; state: boolean; organiserView: boolean }) {
  return compiledOnce((db, campaignId: string, ...values: string[]) => {
    const next = values.values();
    const value = () => next.next().value as string;
    let query = baseQuery(db).where('n.campaignId', '=', campaignId);
    if (has.unitId) query = query.where('n.unitId', '=', value());
    if (has.category) query = query.where('n.category', '=', value() as Category);
    if (has.state) query = query.where('n.state', '=', value() as NominationState);
    if (has.organiserView) {
      query = query.where((eb) =>
        eb.or([
          eb('n.state', 'in', [...ORGANISER_VISIBLE_STATES]),
          eb.and([eb('n.state', '=', 'draft'), eb('n.reviewRequestedAt', 'is not', null)]),
        ]),
      );
    }
    return query
      .orderBy('unit.name')
      .orderBy('n.category')
      .orderBy('n.rank')
      .orderBy('n.createdAt')
      .orderBy('n.id');
  });
}

/**
 * The nominations waiting for the formal check (已提交) in the order the campaign's list shows them,
 * with `alsoId` among them whatever its state, so the next one after it can be found.
 */
export function formalCheckQueue(db: Db | Trx, campaignId: string, alsoId?: string) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('organisations as unit', 'unit.id', 'n.unitId')
    .select(['n.id', 'n.state', 'n.title', 'n.category', 'n.submittedAt', 'unit.name as unitName'])
    .where('n.campaignId', '=', campaignId)
    .where((eb) =>
      alsoId
        ? eb.or([eb('n.state', '=', 'submitted'), eb('n.id', '=', alsoId)])
        : eb('n.state', '=', 'submitted'),
    )
    .orderBy('unit.name')
    .orderBy('n.category')
    .orderBy('n.rank')
    .orderBy('n.createdAt')
    .orderBy('n.id')
    .execute();
}

/** Nominations holding a quota place for a unit and category: regular and special counted apart. */
export async function countQuotaPlaces(trx: Trx, campaignId: string, unitId: string, category: Category) {
  const rows = await trx
    .selectFrom('nominations')
    .select(['special', (eb) => eb.fn.countAll<string>().as('n')])
    .where('campaignId', '=', campaignId)
    .where('unitId', '=', unitId)
    .where('category', '=', category)
    .where('state', 'in', [...QUOTA_STATES])
    .groupBy('special')
    .execute();
  const count = (special: boolean) => Number(rows.find((r) => r.special === special)?.n ?? 0);
  return { regular: count(false), special: count(true) };
}

/** The unit's next free 排序 place in a category of a campaign. */
export async function nextRank(
  db: Db | Trx,
  place: { campaignId: string; unitId: string; category: Category },
) {
  const row = await db
    .selectFrom('nominations')
    .select((eb) => eb.fn.max('rank').as('max'))
    .where('campaignId', '=', place.campaignId)
    .where('unitId', '=', place.unitId)
    .where('category', '=', place.category)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/**
 * Drafts and returned nominations whose unit's deadline (its extension when later, else the campaign's)
 * is before `now`, in campaigns whose rules say 逾期视为自动放弃 and whose state lets it apply (报送中, 评审中).
 */
export function listOverdueWork(db: Db | Trx, now: Date, campaignId?: string) {
  let query = db
    .selectFrom('nominations as n')
    .innerJoin('campaigns as c', 'c.id', 'n.campaignId')
    .leftJoin('campaignExtensions as e', (join) =>
      join.onRef('e.campaignId', '=', 'n.campaignId').onRef('e.organisationId', '=', 'n.unitId'),
    )
    .select(['n.id', 'n.campaignId', 'n.unitId'])
    .where('n.state', 'in', ['draft', 'returned'])
    .where('c.status', 'in', ['open', 'reviewing'])
    .where('c.deadlineAt', 'is not', null)
    .where(sql<boolean>`(c.rules -> 'submission' ->> 'lateCountsAsWithdrawn')::boolean`)
    // greatest() skips the NULL of a unit without an extension.
    .where(sql<boolean>`greatest(c.deadline_at, e.until) < ${now}`);
  if (campaignId) query = query.where('n.campaignId', '=', campaignId);
  return query.orderBy('n.campaignId').orderBy('n.unitId').execute();
}
