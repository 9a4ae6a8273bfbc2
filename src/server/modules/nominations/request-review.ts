import { reviewRequestProblem } from '#core/nomination/visibility.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { findNomination } from './queries.ts';
import { nominationRules } from './rules.ts';
import { visibleNomination } from './service.ts';

/**
 * The unit shows one of its drafts to the organiser (to have a file waived that cannot be made to pass,
 * or to ask before submitting), or takes that back. Only the draft's own unit decides; audited.
 */
export async function requestReview(db: Db, actor: Actor, id: string, requested: boolean, now: Date) {
  return db.transaction().execute(async (trx) => {
    const n = await visibleNomination(trx, actor, id, true);
    // The organiser may see a requested draft, but the request is the unit's: to anyone else it does not exist.
    if (!nominationRules.can(actor, 'actAsUnit', n))
      throw new AppError('NOT_FOUND', '推介不存在或您无权查看');
    const problem = reviewRequestProblem(n.state);
    if (requested && problem) throw new AppError('REVIEW_REQUEST_NOT_NEEDED', problem);
    if (requested === Boolean(n.reviewRequestedAt)) return n;
    await trx
      .updateTable('nominations')
      .set({
        reviewRequestedAt: requested ? now : null,
        version: n.version + 1,
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: requested ? 'nomination.review_requested' : 'nomination.review_request_withdrawn',
      entityType: 'nomination',
      entityId: id,
      scopePath: n.unitPath,
      after: { title: n.title },
    });
    return (await findNomination(trx, id))!;
  });
}
