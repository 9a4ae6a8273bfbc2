/**
 * The one place a review round's state is written (house rule 1): its creation (未开始) and every move of
 * core's round table, guarded by the campaign's state and the one-open-round rule, written, audited, in
 * the caller's transaction. What follows a move (telling experts of their assignments) is the caller's.
 */

import type { Insertable, Selectable } from 'kysely';
import type { CampaignState } from '#core/campaign/states.ts';
import { ROUND_STATES, type RoundState, roundMove } from '#core/review/round-states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Trx } from '#server/platform/db/database.ts';
import type { ReviewRoundsTable } from '#server/platform/db/schema-review.ts';
import { AppError, staleVersion } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';

export type RoundRow = Selectable<ReviewRoundsTable>;
export type NewRound = Omit<
  Insertable<ReviewRoundsTable>,
  'id' | 'state' | 'version' | 'createdAt' | 'updatedAt'
>;

/** The audit scope of a campaign's review: the organiser's subtree. */
export interface RoundScope {
  campaignState: CampaignState;
  scopePath: string;
}

export async function createRound(
  trx: Trx,
  actor: Actor | null,
  values: NewRound,
  scope: RoundScope,
): Promise<RoundRow> {
  const row = await trx.insertInto('reviewRounds').values(values).returningAll().executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'review.round_created',
    entityType: 'review_round',
    entityId: row.id,
    scopePath: scope.scopePath,
    after: { name: row.name, kind: row.kind, closesAt: row.closesAt, campaignId: row.campaignId },
  });
  return row;
}

export async function transitionRound(
  trx: Trx,
  actor: Actor | null,
  roundId: string,
  to: RoundState,
  input: RoundScope & { now: Date; version?: number },
): Promise<RoundRow> {
  // Rounds of one campaign move one at a time, so two cannot both be opened.
  const round = await trx
    .selectFrom('reviewRounds')
    .selectAll()
    .where('id', '=', roundId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  await trx.selectFrom('campaigns').select('id').where('id', '=', round.campaignId).forUpdate().execute();
  const other = await trx
    .selectFrom('reviewRounds')
    .select('name')
    .where('campaignId', '=', round.campaignId)
    .where('state', '=', 'open')
    .where('id', '!=', round.id)
    .executeTakeFirst();
  const move = roundMove(round.state, to, {
    campaignState: input.campaignState,
    otherOpenRound: other?.name ?? null,
  });
  if (!move.ok) throw new AppError('ROUND_MOVE_NOT_ALLOWED', move.message);
  if (input.version !== undefined && input.version !== round.version) throw staleVersion();
  const row = await trx
    .updateTable('reviewRounds')
    .set({ state: to, version: round.version + 1, updatedAt: input.now })
    .where('id', '=', round.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'review.round_moved',
    entityType: 'review_round',
    entityId: round.id,
    scopePath: input.scopePath,
    before: { state: round.state },
    after: { state: to, label: move.transition.label, name: round.name, stateLabel: ROUND_STATES[to] },
  });
  return row;
}
