/**
 * What an assignment of a round works on: the round's experts (with their panels and loads from the
 * pool), the campaign's reviewed nominations, the round's current pairs with the state of their review,
 * and the recused pairs with core's reasons.
 */
import type { Category } from '#core/campaign/rules.ts';
import type { AssignmentExpert, AssignmentNomination } from '#core/review/assignment-input.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { nominationLabel, type ReviewedNomination, reviewedNominations } from './conflicts-facts.ts';
import { listPool, type PoolRow } from './pool-queries.ts';
import { roundExpertIds } from './rounds.ts';

export interface CurrentPair {
  nominationId: string;
  expertId: string;
  source: 'automatic' | 'manual';
  reviewState: 'none' | 'draft' | 'submitted';
}

export interface RoundData {
  experts: PoolRow[];
  nominations: ReviewedNomination[];
  current: CurrentPair[];
  recused: { nominationId: string; expertId: string; reasons: { message: string }[] }[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function roundData(db: Db | Trx, campaignId: string, roundId: string): Promise<RoundData> {
  const [pool, ids, nominations, current, recused] = await Promise.all([
    listPool(db, campaignId),
    roundExpertIds(db, roundId),
    reviewedNominations(db, campaignId),
    db
      .selectFrom('reviewAssignments as a')
      .leftJoin('reviews as r', (join) =>
        join
          .onRef('r.roundId', '=', 'a.roundId')
          .onRef('r.nominationId', '=', 'a.nominationId')
          .onRef('r.expertId', '=', 'a.expertId'),
      )
      .select(['a.nominationId', 'a.expertId', 'a.source', 'r.state'])
      .where('a.roundId', '=', roundId)
      .orderBy('a.nominationId')
      .orderBy('a.expertId')
      .execute(),
    db
      .selectFrom('reviewConflicts')
      .select(['nominationId', 'expertId', 'reasons'])
      .where('campaignId', '=', campaignId)
      .where('conflicted', '=', true)
      .execute(),
  ]);
  return {
    experts: pool.filter((e) => ids.includes(e.expertId)),
    nominations,
    current: current.map((c) => ({
      nominationId: c.nominationId,
      expertId: c.expertId,
      source: c.source,
      reviewState: c.state ?? 'none',
    })),
    recused: recused.map((r) => ({ ...r, reasons: r.reasons as { message: string }[] })),
  };
}

/** Core's view of the experts of one panel, in a stable order (so a seed means the same thing twice). */
export function panelExperts(data: RoundData, category: Category): AssignmentExpert[] {
  return data.experts
    .filter((e) => e.panels.includes(category))
    .map((e) => ({
      id: e.expertId,
      name: e.name,
      province: e.province,
      minLoad: e.minLoad,
      maxLoad: e.maxLoad ?? undefined,
    }))
    .sort(byId);
}

/** Nominations a round assigns: accepted ones (later states keep their assignments, but get no new ones). */
export function panelNominations(data: RoundData, category: Category): AssignmentNomination[] {
  return data.nominations
    .filter((n) => n.category === category && n.state === 'accepted')
    .map((n) => ({ id: n.id, label: nominationLabel(n), province: n.unitRegion ?? n.unitName }))
    .sort(byId);
}
