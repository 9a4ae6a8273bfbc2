/**
 * For other modules (paper copies, work lists): how many nominations each unit has before the
 * organiser, by category. Counts only: what is in them is this module's business.
 */
import type { Category } from '#core/campaign/rules.ts';
import { ORGANISER_VISIBLE_STATES } from '#core/nomination/visibility.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';

export interface UnitCategoryCount {
  unitId: string;
  category: Category;
  count: number;
}

export async function submittedCounts(
  db: Db | Trx,
  campaignId: string,
  unitId?: string,
): Promise<UnitCategoryCount[]> {
  let query = db
    .selectFrom('nominations')
    .select(['unitId', 'category', (eb) => eb.fn.countAll<string>().as('n')])
    .where('campaignId', '=', campaignId)
    .where('state', 'in', [...ORGANISER_VISIBLE_STATES]);
  if (unitId) query = query.where('unitId', '=', unitId);
  const rows = await query.groupBy(['unitId', 'category']).execute();
  return rows.map((r) => ({ unitId: r.unitId, category: r.category, count: Number(r.n) }));
}
