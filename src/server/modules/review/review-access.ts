/**
 * Whether an expert may see and score a nomination: the one answer every review route asks, read from
 * the materialised conflicts (recomputed whenever their inputs change, conflicts.ts) and the round's
 * assignments. A recused expert is treated as if the nomination did not exist.
 */
import type { Db, Trx } from '#server/platform/db/database.ts';

/** True when the expert must stay away from the nomination (a standing conflict, dismissed reasons aside). */
export async function isRecused(db: Db | Trx, expertId: string, nominationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('reviewConflicts')
    .select('conflicted')
    .where('expertId', '=', expertId)
    .where('nominationId', '=', nominationId)
    .where('conflicted', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** The nominations of a campaign an expert is recused from. */
export async function recusedNominations(
  db: Db | Trx,
  expertId: string,
  campaignId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('reviewConflicts')
    .select('nominationId')
    .where('expertId', '=', expertId)
    .where('campaignId', '=', campaignId)
    .where('conflicted', '=', true)
    .execute();
  return new Set(rows.map((r) => r.nominationId));
}

/** Every recused pair of a campaign (for assignment and for views that show 已回避). */
export async function recusedPairs(
  db: Db | Trx,
  campaignId: string,
): Promise<{ nominationId: string; expertId: string }[]> {
  return db
    .selectFrom('reviewConflicts')
    .select(['nominationId', 'expertId'])
    .where('campaignId', '=', campaignId)
    .where('conflicted', '=', true)
    .execute();
}

/** The expert is assigned the nomination in the round and not recused from it. */
export async function mayReview(
  db: Db | Trx,
  expertId: string,
  roundId: string,
  nominationId: string,
): Promise<boolean> {
  const assigned = await db
    .selectFrom('reviewAssignments')
    .select('expertId')
    .where('roundId', '=', roundId)
    .where('nominationId', '=', nominationId)
    .where('expertId', '=', expertId)
    .executeTakeFirst();
  if (!assigned) return false;
  return !(await isRecused(db, expertId, nominationId));
}
