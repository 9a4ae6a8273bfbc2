/**
 * Who reviews what in a round and the load per expert, for the organiser: each nomination with its
 * reviewers and their review's state, and the experts recused from it by name (others see 已回避, never a
 * blank); warnings for a nomination short of reviewers and an expert below their minimum.
 */
import type { AssignmentsResponse } from '#core/contract/review-setup.ts';
import { warning } from '#core/findings.ts';
import { provinceName } from '#core/nomination/province-code.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { roundData } from './assignment-data.ts';
import { nominationLabel } from './conflicts-facts.ts';
import { managedCampaign } from './pool-context.ts';
import { findRound } from './rounds.ts';

export async function getAssignments(
  db: Db,
  actor: Actor,
  campaignId: string,
  roundId: string,
): Promise<AssignmentsResponse> {
  const campaign = await managedCampaign(db, actor, campaignId);
  const round = await findRound(db, campaign.id, roundId);
  const data = await roundData(db, campaign.id, round.id);
  const names = new Map(
    (
      await db
        .selectFrom('reviewExperts as e')
        .innerJoin('accounts as a', 'a.id', 'e.expertId')
        .select(['e.expertId', 'a.displayName'])
        .where('e.campaignId', '=', campaign.id)
        .execute()
    ).map((e) => [e.expertId, e.displayName]),
  );
  const findings: AssignmentsResponse['findings'] = [];
  const nominations = data.nominations
    .filter((n) => n.state === 'accepted' || data.current.some((p) => p.nominationId === n.id))
    .map((n) => {
      const experts = data.current
        .filter((p) => p.nominationId === n.id)
        .map((p) => ({
          expertId: p.expertId,
          name: names.get(p.expertId) ?? '',
          source: p.source,
          reviewState: p.reviewState,
        }));
      const label = nominationLabel(n);
      if (n.state === 'accepted' && experts.length < round.reviewsPerNomination)
        findings.push(
          warning(
            'ASSIGNMENT_SHORT',
            `nominations.${n.id}`,
            `「${label}」有${experts.length}位评审专家，尚缺${round.reviewsPerNomination - experts.length}位`,
          ),
        );
      return {
        nominationId: n.id,
        title: label,
        unitName: n.unitName,
        category: n.category,
        provinceName: provinceName(n.unitRegion ?? n.unitName),
        need: round.reviewsPerNomination,
        experts,
        recused: data.recused
          .filter((r) => r.nominationId === n.id && names.has(r.expertId))
          .map((r) => ({ expertId: r.expertId, name: names.get(r.expertId)! })),
      };
    });
  const experts = data.experts.map((e) => {
    const mine = data.current.filter((p) => p.expertId === e.expertId);
    if (mine.length < e.minLoad)
      findings.push(
        warning(
          'ASSIGNMENT_UNDER_MIN',
          `experts.${e.expertId}`,
          `${e.name}有${mine.length}份评审，低于最低工作量${e.minLoad}份`,
        ),
      );
    return {
      expertId: e.expertId,
      name: e.name,
      provinceName: provinceName(e.province),
      load: mine.length,
      minLoad: e.minLoad,
      maxLoad: e.maxLoad,
      submitted: mine.filter((p) => p.reviewState === 'submitted').length,
    };
  });
  return { roundId: round.id, seed: round.assignmentSeed, nominations, experts, findings };
}
