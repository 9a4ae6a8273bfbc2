import { sql } from 'kysely';
import type { Category } from '#core/campaign/rules.ts';
import type { RankingResponse } from '#core/contract/review-scoring.ts';
import { RANKING_METHOD_LABELS, type RankingMethod } from '#core/review/ranking.ts';
import { reviewSettingsOf } from '#core/review/review-rules.ts';
import { rankingSensitivity } from '#core/review/sensitivity.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { categoryRanking } from './ranking-data.ts';
import { rankingPlace } from './ranking-place.ts';
import { rankingRules } from './ranking-rules.ts';
import { recusedNominations } from './review-access.ts';
import { latestProposal } from './shortlist-queries.ts';

/**
 * The ranking of a category in a round for its chair and the organiser: every method side by side, the
 * experts whose raw totals stood in for their own scale, which nominations another method would put in
 * or out, and the limits the shortlist must keep.
 */
export async function getRanking(
  db: Db,
  actor: Actor,
  campaignId: string,
  query: { roundId?: string; category: Category; method?: RankingMethod },
): Promise<RankingResponse> {
  const { campaign, round, subject, hidden } = await rankingPlace(
    db,
    actor,
    campaignId,
    query.roundId,
    query.category,
  );
  const settings = reviewSettingsOf(campaign.rules);
  const method = query.method ?? settings.method;
  const ranking = await categoryRanking(db, campaign, round, query.category, method, hidden);
  const organiser = rankingRules.can(actor, 'confirm', subject);
  const size = settings.shortlistSize[query.category];
  const proposal = await latestProposal(db, round.id, query.category);
  const sensitivitySize =
    size ??
    (proposal
      ? (proposal.entries as { decision: string; special: boolean }[]).filter(
          (e) => e.decision === 'shortlisted' && !e.special,
        ).length
      : null);
  const titles = new Map(ranking.rows.map((r) => [r.nominationId, r.title]));
  const scored = ranking.aggregation.nominations;
  const sensitivity =
    sensitivitySize === null
      ? []
      : (rankingSensitivity(
          { [query.category]: scored },
          { [query.category]: sensitivitySize },
          method,
          'platform',
        )[0]?.others ?? []);
  return {
    campaignId: campaign.id,
    roundId: round.id,
    category: query.category,
    method,
    methodLabel: ranking.methodLabel,
    rows: ranking.rows,
    fallbackExperts: ranking.fallbackExperts,
    sensitivity: sensitivity.map((line) => ({
      method: line.method,
      methodLabel: RANKING_METHOD_LABELS[line.method],
      enter: line.enter.map((id) => titles.get(id) ?? ''),
      leave: line.leave.map((id) => titles.get(id) ?? ''),
    })),
    constraints: {
      size,
      perUnit: settings.perUnitCap[query.category],
      specials: campaign.rules.specialPicks[query.category],
    },
    chairRecused: organiser ? await chairRecusedTitles(db, campaign.id, query.category, ranking.rows) : [],
    complete: ranking.complete,
    canPropose: rankingRules.can(actor, 'propose', subject) && campaign.status === 'reviewing',
    canConfirm: organiser && proposal !== undefined && !proposal.confirmedAt,
  };
}

/**
 * The nominations the category's chair is recused from: the chair never sees them, so the proposed list
 * leaves them out and the organiser decides them apart (the nomination's own 列入 / 不列入 moves).
 */
async function chairRecusedTitles(
  db: Db,
  campaignId: string,
  category: Category,
  rows: readonly { nominationId: string; title: string }[],
): Promise<string[]> {
  const chair = await db
    .selectFrom('reviewExperts')
    .select('expertId')
    .where('campaignId', '=', campaignId)
    .where(sql<boolean>`${category} = ANY(chair_of)`)
    .executeTakeFirst();
  if (!chair) return [];
  const recused = await recusedNominations(db, chair.expertId, campaignId);
  return rows.filter((r) => recused.has(r.nominationId)).map((r) => r.title);
}
