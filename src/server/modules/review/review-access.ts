/**
 * Whether an expert may see and score a nomination: the one answer every review route asks, read from
 * the materialised conflicts (recomputed whenever their inputs change, conflicts.ts) and the round's
 * assignments. What an expert may not review does not exist for them: every route of the nomination,
 * its files included, answers 404, the same as for a nomination that is not there.
 */
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { notFound } from '#server/platform/errors.ts';
import { type CampaignRow, findCampaign } from '../campaigns/queries.ts';
import { findSealedNomination, type NominationRow } from '../nominations/queries.ts';
import type { RoundRow } from './transition-round.ts';

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

/** Assignments of an expert that are not recused, as a Kysely filter on `a` (review_assignments). */
export function unrecusedAssignments(db: Db | Trx, expertId: string) {
  return db
    .selectFrom('reviewAssignments as a')
    .where('a.expertId', '=', expertId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reviewConflicts as rc')
            .select('rc.nominationId')
            .whereRef('rc.nominationId', '=', 'a.nominationId')
            .whereRef('rc.expertId', '=', 'a.expertId')
            .where('rc.conflicted', '=', true),
        ),
      ),
    );
}

/** The expert is assigned the nomination in the round and not recused from it. */
export async function mayReview(
  db: Db | Trx,
  expertId: string,
  roundId: string,
  nominationId: string,
): Promise<boolean> {
  const row = await unrecusedAssignments(db, expertId)
    .select('a.nominationId')
    .where('a.roundId', '=', roundId)
    .where('a.nominationId', '=', nominationId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface ReviewPlace {
  round: RoundRow;
  nomination: NominationRow;
  campaign: CampaignRow;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The round, nomination and campaign of the caller's own review; 404 when they may not review it. */
export async function reviewPlace(
  db: Db | Trx,
  actor: Actor,
  roundId: string,
  nominationId: string,
  lockRound = false,
): Promise<ReviewPlace> {
  const gone = notFound('评审任务');
  if (!UUID.test(roundId) || !UUID.test(nominationId)) throw gone;
  if (!(await mayReview(db, actor.accountId, roundId, nominationId))) throw gone;
  let query = db.selectFrom('reviewRounds').selectAll().where('id', '=', roundId);
  if (lockRound) query = query.forShare();
  const round = await query.executeTakeFirst();
  // An expert never needs the whole ID number or phone: the stored masks are all they get (blindForm).
  const nomination = await findSealedNomination(db, nominationId);
  const campaign = round && (await findCampaign(db, round.campaignId));
  if (!round || !nomination || !campaign || nomination.campaignId !== campaign.id) throw gone;
  return { round, nomination, campaign };
}
