/**
 * The one place a review's state is written (house rule 1): a review begins as a draft (with the rubric
 * as it is then), is saved as the expert goes, submitted (frozen: its total and content hash are set) and
 * reopened while the round is open. Guarded by core's review table and the round's state, written and
 * audited (saves are not audited: an autosave every few seconds would drown the log), in the caller's
 * transaction. The caller has checked the expert may review this nomination and the scores themselves.
 */

import type { Selectable } from 'kysely';
import { type ReviewState, reviewMove } from '#core/review/review-states.ts';
import type { Recommendation, Rubric } from '#core/review/rubric.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Trx } from '#server/platform/db/database.ts';
import type { ReviewsTable } from '#server/platform/db/schema-review.ts';
import { AppError, staleVersion } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';

export type ReviewRow = Selectable<ReviewsTable>;

export interface ReviewKey {
  roundId: string;
  nominationId: string;
  expertId: string;
}

export interface ReviewContent {
  scores: Record<string, number>;
  comment: string;
  recommendation: Recommendation | null;
  proposeSpecial: boolean;
}

/** Set on submission; cleared when the review is reopened. */
export interface Frozen {
  total: number;
  contentHash: string;
}

/** The review of this pair, locked; a draft with the rubric snapshot when there is none yet. */
export async function findOrCreateReview(trx: Trx, key: ReviewKey, rubric: Rubric): Promise<ReviewRow> {
  await trx
    .insertInto('reviews')
    .values({ ...key, rubric: JSON.stringify(rubric) })
    .onConflict((oc) => oc.columns(['roundId', 'nominationId', 'expertId']).doNothing())
    .execute();
  return trx
    .selectFrom('reviews')
    .selectAll()
    .where('roundId', '=', key.roundId)
    .where('nominationId', '=', key.nominationId)
    .where('expertId', '=', key.expertId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

const ACTIONS: Record<string, string | null> = {
  'draft>draft': null,
  'draft>submitted': 'review.submitted',
  'submitted>draft': 'review.reopened',
};

export async function transitionReview(
  trx: Trx,
  actor: Actor | null,
  review: ReviewRow,
  to: ReviewState,
  input: {
    roundState: 'planned' | 'open' | 'closed';
    content?: ReviewContent;
    frozen?: Frozen;
    scopePath: string;
    now: Date;
    version?: number;
  },
): Promise<ReviewRow> {
  const move = reviewMove(review.state, to, input.roundState);
  if (!move.ok) throw new AppError(move.code, move.message);
  if (input.version !== undefined && input.version !== review.version) throw staleVersion();
  if (to === 'submitted' && !input.frozen) throw new Error('a submitted review needs its total and hash');
  const content = input.content
    ? {
        scores: JSON.stringify(input.content.scores),
        comment: input.content.comment,
        recommendation: input.content.recommendation,
        proposeSpecial: input.content.proposeSpecial,
      }
    : {};
  const frozen =
    to === 'submitted'
      ? { total: input.frozen!.total, contentHash: input.frozen!.contentHash, submittedAt: input.now }
      : { total: null, contentHash: null, submittedAt: null };
  const row = await trx
    .updateTable('reviews')
    .set({ ...content, ...frozen, state: to, version: review.version + 1, updatedAt: input.now })
    .where('id', '=', review.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const action = ACTIONS[`${review.state}>${to}`];
  if (action)
    await recordAudit(trx, actor, {
      action,
      entityType: 'review',
      entityId: review.id,
      scopePath: input.scopePath,
      before: { state: review.state },
      after: {
        state: to,
        label: move.transition.label,
        roundId: review.roundId,
        nominationId: review.nominationId,
        total: frozen.total,
        contentHash: frozen.contentHash,
      },
    });
  return row;
}
