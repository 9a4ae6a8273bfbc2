/**
 * Automatic assignment of a round: core's min-cost flow over the round's experts of each panel and the
 * campaign's accepted nominations of that category, with the recused pairs barred, the manual pairs and
 * the pairs that have a review kept as they are, the round's reviews per nomination and the pool's loads.
 * The seed is the organiser's or a new one, stored with the round: the same seed on the same data gives
 * the same assignment. When no assignment can meet the constraints, core's message says which, and
 * nothing is stored.
 *
 * An expert on both panels has one load: the categories are assigned in turn, each counting what the
 * expert already has in the other, and the minimum is asked of the last panel the expert sits on.
 */
import { randomInt } from 'node:crypto';
import { todayInShanghai } from '#core/calendar/today.ts';
import { CATEGORIES, type Category } from '#core/campaign/rules.ts';
import { assignReviews as assign } from '#core/review/assignment.ts';
import type { ReviewPair } from '#core/review/assignment-input.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { panelExperts, panelNominations, roundData } from './assignment-data.ts';
import { recomputeConflicts } from './conflicts-recompute.ts';
import { managedCampaign } from './pool-context.ts';
import { findRound } from './rounds.ts';
import { notifyAssigned } from './rounds-move.ts';

const key = (p: ReviewPair) => `${p.nominationId}|${p.expertId}`;

export async function assignRoundReviews(
  db: Db,
  actor: Actor,
  campaignId: string,
  roundId: string,
  input: { seed?: number; category?: Category },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await managedCampaign(trx, actor, campaignId, true);
    const round = await findRound(trx, campaign.id, roundId, true);
    if (round.state === 'closed')
      throw new AppError(
        'ROUND_NOT_EDITABLE',
        `「${round.name}」已结束，不能重新分配；如需补评，请先重新开放`,
      );
    await recomputeConflicts(trx, campaign.id, todayInShanghai(now), actor);
    const seed = input.seed ?? randomInt(0, 2_147_483_647);
    const data = await roundData(trx, campaign.id, round.id);
    const categories = input.category ? [input.category] : [...CATEGORIES];
    const categoryOf = new Map(data.nominations.map((n) => [n.id, n.category]));
    // Kept: manual pairs, pairs with a review, and every pair of a category not assigned now.
    const kept = data.current.filter(
      (p) =>
        p.source === 'manual' ||
        p.reviewState !== 'none' ||
        !categories.includes(categoryOf.get(p.nominationId)!),
    );
    const used = new Map<string, number>();
    const count = (pairs: readonly ReviewPair[]) => {
      for (const p of pairs) used.set(p.expertId, (used.get(p.expertId) ?? 0) + 1);
    };
    count(kept.filter((p) => !categories.includes(categoryOf.get(p.nominationId)!)));
    const chosen: ReviewPair[] = [];
    const conflicted = data.recused.map(({ nominationId, expertId }) => ({ nominationId, expertId }));
    for (const [index, category] of categories.entries()) {
      const nominations = panelNominations(data, category);
      if (nominations.length === 0) continue;
      const later = categories.slice(index + 1);
      const ids = new Set(nominations.map((n) => n.id));
      const experts = panelExperts(data, category).map((e) => {
        const other = used.get(e.id) ?? 0;
        const onLater = data.experts.find((x) => x.expertId === e.id)!.panels.some((p) => later.includes(p));
        return {
          ...e,
          minLoad: onLater ? 0 : Math.max(0, (e.minLoad ?? 0) - other),
          maxLoad: e.maxLoad === undefined ? undefined : Math.max(0, e.maxLoad - other),
        };
      });
      const fixed = kept
        .filter((p) => ids.has(p.nominationId))
        .map(({ nominationId, expertId }) => ({ nominationId, expertId }));
      const result = assign({
        experts,
        nominations,
        reviewsPerNomination: round.reviewsPerNomination,
        conflicted,
        fixed,
        seed,
      });
      if (!result.ok)
        throw new AppError('ASSIGNMENT_INFEASIBLE', result.findings.map((f) => f.message).join('；'), {
          findings: result.findings,
        });
      count(result.assignments);
      chosen.push(...result.assignments);
    }
    const keptKeys = new Set(kept.map(key));
    const before = data.current.filter((p) => !keptKeys.has(key(p)));
    const fresh = chosen.filter((p) => !keptKeys.has(key(p)));
    for (const p of before)
      await trx
        .deleteFrom('reviewAssignments')
        .where('roundId', '=', round.id)
        .where('nominationId', '=', p.nominationId)
        .where('expertId', '=', p.expertId)
        .execute();
    for (let i = 0; i < fresh.length; i += 1000)
      await trx
        .insertInto('reviewAssignments')
        .values(
          fresh.slice(i, i + 1000).map((p) => ({
            roundId: round.id,
            ...p,
            source: 'automatic' as const,
            assignedBy: actor.accountId,
          })),
        )
        .execute();
    await trx
      .updateTable('reviewRounds')
      .set({ assignmentSeed: seed, updatedAt: now })
      .where('id', '=', round.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'review.assigned',
      entityType: 'review_round',
      entityId: round.id,
      scopePath: campaign.organiserPath,
      before: { assignments: data.current.length },
      after: { name: round.name, seed, assignments: kept.length + fresh.length, automatic: fresh.length },
    });
    if (round.state === 'open') {
      const beforeExperts = new Set(data.current.map((p) => p.expertId));
      await notifyAssigned(
        trx,
        round,
        [...new Set(fresh.map((p) => p.expertId))].filter((id) => !beforeExperts.has(id)),
      );
    }
    return { seed };
  });
}
