/**
 * The organiser's changes on top of an assignment: add an expert to a nomination or take one off, each
 * checked by core's checkManualChange (a recused pair is refused, a full expert is refused, a submitted
 * review stays); warnings (fewer or more reviews than planned, same province) come back to be shown.
 * An expert added while the round is open is told of it.
 */
import type { Finding } from '#core/findings.ts';
import { checkManualChange, type ManualChange } from '#core/review/manual-assignment.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { panelExperts, panelNominations, roundData } from './assignment-data.ts';
import { managedCampaign } from './pool-context.ts';
import { findRound } from './rounds.ts';
import { notifyAssigned } from './rounds-move.ts';

const REFUSALS: Record<string, 'CONFLICT_OF_INTEREST' | 'REVIEW_ALREADY_SUBMITTED'> = {
  ASSIGNMENT_CONFLICT: 'CONFLICT_OF_INTEREST',
  ASSIGNMENT_REVIEW_SUBMITTED: 'REVIEW_ALREADY_SUBMITTED',
};

export async function changeAssignment(
  db: Db,
  actor: Actor,
  campaignId: string,
  roundId: string,
  change: Exclude<ManualChange, { kind: 'replace' }>,
): Promise<Finding[]> {
  return db.transaction().execute(async (trx) => {
    const campaign = await managedCampaign(trx, actor, campaignId, true);
    const round = await findRound(trx, campaign.id, roundId, true);
    if (round.state === 'closed')
      throw new AppError(
        'ROUND_NOT_EDITABLE',
        `「${round.name}」已结束，不能调整评审安排；如需补评，请先重新开放`,
      );
    const data = await roundData(trx, campaign.id, round.id);
    const category = data.nominations.find((n) => n.id === change.nominationId)?.category ?? 'star';
    const findings = checkManualChange(change, {
      experts: panelExperts(data, category),
      nominations: panelNominations(data, category),
      current: data.current,
      conflicts: data.recused,
      submitted: data.current.filter((p) => p.reviewState === 'submitted'),
      reviewsPerNomination: round.reviewsPerNomination,
    });
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length > 0)
      throw new AppError(
        REFUSALS[errors[0]!.code] ?? 'ASSIGNMENT_NOT_ALLOWED',
        errors.map((f) => f.message).join('；'),
        {
          findings,
        },
      );
    const pair = { roundId: round.id, nominationId: change.nominationId, expertId: change.expertId };
    if (change.kind === 'add')
      await trx
        .insertInto('reviewAssignments')
        .values({ ...pair, source: 'manual', assignedBy: actor.accountId })
        .execute();
    else
      for (const table of ['reviews', 'reviewAssignments'] as const)
        await trx
          .deleteFrom(table)
          .where('roundId', '=', pair.roundId)
          .where('nominationId', '=', pair.nominationId)
          .where('expertId', '=', pair.expertId)
          .execute();
    const expert = data.experts.find((e) => e.expertId === change.expertId)!;
    const nomination = data.nominations.find((n) => n.id === change.nominationId)!;
    await recordAudit(trx, actor, {
      action: change.kind === 'add' ? 'review.assignment_added' : 'review.assignment_removed',
      entityType: 'review_round',
      entityId: round.id,
      scopePath: campaign.organiserPath,
      after: {
        name: round.name,
        nominationId: nomination.id,
        expert: expert.name,
        expertId: expert.expertId,
      },
    });
    if (change.kind === 'add' && round.state === 'open') await notifyAssigned(trx, round, [change.expertId]);
    return findings;
  });
}
