import type { Finding } from '#core/findings.ts';
import { joinMessages } from '#core/findings.ts';
import { reviewSettingsOf } from '#core/review/review-rules.ts';
import { checkReviewScores, type Recommendation, type Rubric } from '#core/review/rubric.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { reviewPlace } from './review-access.ts';
import { findReview } from './review-view-queries.ts';
import { presentDraft } from './scoring-presenter.ts';
import { findOrCreateReview, transitionReview } from './transition-review.ts';

export interface SaveReviewInput {
  scores: Record<string, number | null>;
  comment: string;
  recommendation: Recommendation | null;
  proposeSpecial: boolean;
  version?: number;
}

export function scoresInvalid(findings: Finding[]): AppError {
  return new AppError('SCORES_INVALID', joinMessages(findings.map((f) => f.message)), { findings });
}

/**
 * Autosave of a draft: partial scores are fine, wrong ones are refused with nothing stored. The first
 * save fixes the rubric the review is scored on (the campaign's as it is then).
 */
export async function saveReview(
  db: Db,
  actor: Actor,
  roundId: string,
  nominationId: string,
  input: SaveReviewInput,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const { round, nomination, campaign } = await reviewPlace(trx, actor, roundId, nominationId, true);
    const key = { roundId, nominationId, expertId: actor.accountId };
    const existing = await findReview(trx, key);
    const rubric =
      (existing?.rubric as Rubric | undefined) ??
      reviewSettingsOf(campaign.rules).rubrics[nomination.category];
    // Core's table would take a submitted review back to a draft: that is reopening, not saving.
    if (existing?.state === 'submitted')
      throw new AppError('REVIEW_ALREADY_SUBMITTED', '这份评分已经提交；如需修改，请先撤回。');
    const findings = checkReviewScores(rubric, input.scores, { complete: false });
    if (findings.length > 0) throw scoresInvalid(findings);
    const scores: Record<string, number> = {};
    for (const [id, score] of Object.entries(input.scores)) if (score !== null) scores[id] = score;
    const row = await findOrCreateReview(trx, key, rubric);
    const saved = await transitionReview(trx, actor, row, 'draft', {
      roundState: round.state,
      content: {
        scores,
        comment: input.comment,
        recommendation: input.recommendation,
        proposeSpecial: input.proposeSpecial,
      },
      scopePath: campaign.organiserPath,
      now,
      version: input.version,
    });
    return { review: presentDraft(saved), findings: [] as Finding[] };
  });
}
