import type { ReviewResponse } from '#core/contract/review-scoring.ts';
import type { MaterialSets } from '#core/materials/nomination-slots.ts';
import { reviewSettingsOf } from '#core/review/review-rules.ts';
import { blindForm } from '#core/review/review-view-blind.ts';
import type { Recommendation, Rubric } from '#core/review/rubric.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { myAssignments, progressOf } from './my-reviews-queries.ts';
import { reviewPlace } from './review-access.ts';
import { countedReviews, findReview } from './review-view-queries.ts';
import { presentDraft, presentFiles, snapshotFiles } from './scoring-presenter.ts';

/**
 * The scoring screen's data for one assigned nomination: the submitted form as the round shows it
 * (blind fields removed), the frozen files, the rubric the review is scored on, the caller's draft, the
 * neighbours in their list and their progress, and, once their own review is submitted and the round
 * allows it, the other experts' submitted reviews.
 */
export async function getReview(
  db: Db,
  actor: Actor,
  roundId: string,
  nominationId: string,
): Promise<ReviewResponse> {
  const { round, nomination: n, campaign } = await reviewPlace(db, actor, roundId, nominationId);
  const key = { roundId, nominationId, expertId: actor.accountId };
  const row = await findReview(db, key);
  const rubric = (row?.rubric as Rubric | undefined) ?? reviewSettingsOf(campaign.rules).rubrics[n.category];
  const snapshot = n.snapshot ?? n.form;
  const hidden = round.blindFields;
  const list = await myAssignments(db, actor.accountId, roundId);
  const at = list.findIndex((i) => i.nominationId === nominationId);
  const mineSubmitted = row?.state === 'submitted';
  const others =
    mineSubmitted && round.showOthersAfterSubmit
      ? (await countedReviews(db, roundId, [nominationId]))
          .filter((r) => r.expertId !== actor.accountId)
          .map((r) => ({
            expertName: r.expertName,
            total: Number(r.total),
            recommendation: r.recommendation as Recommendation | null,
            comment: r.comment,
          }))
      : null;
  return {
    campaignId: round.campaignId,
    roundId,
    roundName: round.name,
    roundOpen: round.state === 'open',
    nominationId,
    category: n.category,
    title: n.title,
    specialLabel: campaign.rules.categories[n.category].specialLabel,
    form: blindForm(n.category, snapshot, hidden),
    unitName: hidden.includes('unit') ? null : n.unitName,
    hidden,
    files: presentFiles(
      roundId,
      n,
      campaign.rules.materials as MaterialSets,
      snapshotFiles(n.snapshot),
      hidden.includes('unit'),
    ),
    rubric,
    review: presentDraft(row),
    previousNominationId: at > 0 ? list[at - 1]!.nominationId : null,
    nextNominationId: at >= 0 && at < list.length - 1 ? list[at + 1]!.nominationId : null,
    progress: progressOf(list),
    others,
  };
}
