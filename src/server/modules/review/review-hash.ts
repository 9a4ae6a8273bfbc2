/**
 * The hash that freezes a submitted review: SHA-256 of the canonical JSON (keys sorted at every level) of
 * what the expert submitted against which rubric. The same content gives the same hash whatever order a
 * browser or the database returns keys in, so anyone holding the review can check it later.
 */
import { canonicalJson, sha256Hex } from '#core/nomination/snapshot.ts';
import type { Rubric } from '#core/review/rubric.ts';
import type { ReviewContent } from './transition-review.ts';

export function reviewContentHash(rubric: Rubric, content: ReviewContent): Promise<string> {
  return sha256Hex(
    canonicalJson({
      rubric,
      scores: content.scores,
      comment: content.comment,
      recommendation: content.recommendation,
      special: content.proposeSpecial,
    }),
  );
}
