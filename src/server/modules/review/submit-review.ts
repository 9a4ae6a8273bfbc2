import { reviewSettingsOf } from '#core/review/review-rules.ts';
import { reviewSubmitFindings } from '#core/review/review-submit.ts';
import { type Recommendation, type Rubric, rubricTotal } from '#core/review/rubric.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { reviewPlace } from './review-access.ts';
import { reviewContentHash } from './review-hash.ts';
import { scoresInvalid } from './save-review.ts';
import { presentDraft } from './scoring-presenter.ts';
import { notifyIfRoundComplete } from './submit-review-complete.ts';
import { findOrCreateReview, transitionReview } from './transition-review.ts';

/**
 * Submits the saved draft: every criterion scored in range, a recommendation, a comment when the rubric
 * asks for one. The review is then frozen with its total T and the SHA-256 of its content; the last
 * review of the round tells the chairs and the organiser.
 */
export async function submitReview(
  db: Db,
  actor: Actor,
  roundId: string,
  nominationId: string,
  input: { version?: number },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const { round, nomination, campaign } = await reviewPlace(trx, actor, roundId, nominationId, true);
    const key = { roundId, nominationId, expertId: actor.accountId };
    const row = await findOrCreateReview(
      trx,
      key,
      reviewSettingsOf(campaign.rules).rubrics[nomination.category],
    );
    const rubric = row.rubric as Rubric;
    const content = {
      scores: (row.scores ?? {}) as Record<string, number>,
      comment: row.comment,
      recommendation: row.recommendation as Recommendation | null,
      proposeSpecial: row.proposeSpecial,
    };
    // The state first: a second submit is REVIEW_ALREADY_SUBMITTED, a closed round ROUND_NOT_OPEN.
    if (row.state === 'draft' && round.state === 'open') {
      const findings = reviewSubmitFindings(rubric, content);
      if (findings.length > 0) throw scoresInvalid(findings);
    }
    const submitted = await transitionReview(trx, actor, row, 'submitted', {
      roundState: round.state,
      frozen:
        row.state === 'draft'
          ? {
              total: rubricTotal(rubric, content.scores),
              contentHash: await reviewContentHash(rubric, content),
            }
          : undefined,
      scopePath: campaign.organiserPath,
      now,
      version: input.version,
    });
    await notifyIfRoundComplete(trx, round, campaign);
    return { review: presentDraft(submitted), findings: [] };
  });
}

/** Takes a submitted review back to a draft while the round is open, so the expert can change it. */
export async function reopenReview(
  db: Db,
  actor: Actor,
  roundId: string,
  nominationId: string,
  input: { version?: number },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const { round, nomination, campaign } = await reviewPlace(trx, actor, roundId, nominationId, true);
    const key = { roundId, nominationId, expertId: actor.accountId };
    const row = await findOrCreateReview(
      trx,
      key,
      reviewSettingsOf(campaign.rules).rubrics[nomination.category],
    );
    // Core's table lets a draft stay a draft (a save); reopening asks for a submitted review.
    if (row.state !== 'submitted')
      throw new AppError('REVIEW_NOT_SUBMITTED', '这份评分还没有提交，无需撤回，可直接修改。');
    const reopened = await transitionReview(trx, actor, row, 'draft', {
      roundState: round.state,
      scopePath: campaign.organiserPath,
      now,
      version: input.version,
    });
    return { review: presentDraft(reopened), findings: [] };
  });
}
