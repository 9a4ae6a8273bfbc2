/**
 * The organiser edits an expert's facts in the pool (a stale version is refused) or removes the expert;
 * removal is refused once the expert has submitted a review in the campaign, since the ranking rests on it.
 * Either way the campaign's conflicts are recomputed in the same transaction.
 */
import type { z } from 'zod';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { Category } from '#core/campaign/rules.ts';
import type { UpdateExpertBody } from '#core/contract/review-setup.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, notFound, staleVersion } from '#server/platform/errors.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { openColumn } from '#server/platform/personal-data/sealed-column.ts';
import { recordAudit } from '../audit/service.ts';
import { recomputeConflicts } from './conflicts-recompute.ts';
import { expertFactsFindings, factColumns, refuseFindings } from './experts-facts.ts';
import { auditFacts } from './experts-invite.ts';
import { assertSetupOpen, managedCampaign } from './pool-context.ts';
import { findPoolExpert, listPool, lockPoolExpert, submittedReviewCount } from './pool-queries.ts';

const factsOf = (row: NonNullable<Awaited<ReturnType<typeof findPoolExpert>>>) => ({
  panels: row.panels,
  chairOf: row.chairOf,
  employerName: row.employerName,
  employerCreditCode: row.employerCreditCode,
  province: row.province,
  field: row.field,
  // The audit keeps no ID number (auditFacts): nothing to open.
  idNumber: null,
  minLoad: row.minLoad,
  maxLoad: row.maxLoad,
  relations: (row.relations ?? []) as never[],
});

/**
 * An expert taken off a panel leaves its nominations in rounds not yet closed (drafts with them); a
 * submitted review there keeps them on it.
 */
async function leavePanels(
  trx: Trx,
  campaignId: string,
  expert: { expertId: string; name: string },
  panels: readonly Category[],
) {
  if (panels.length === 0) return;
  const rounds = trx
    .selectFrom('reviewRounds')
    .select('id')
    .where('campaignId', '=', campaignId)
    .where('state', '!=', 'closed');
  const nominations = trx
    .selectFrom('nominations')
    .select('id')
    .where('campaignId', '=', campaignId)
    .where('category', 'in', panels);
  const submitted = await trx
    .selectFrom('reviews')
    .select('id')
    .where('roundId', 'in', rounds)
    .where('nominationId', 'in', nominations)
    .where('expertId', '=', expert.expertId)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  if (submitted)
    throw new AppError(
      'EXPERT_HAS_REVIEWS',
      `${expert.name}已在进行中的评审轮次提交了该评审组的评审，不能将其移出该评审组`,
    );
  for (const table of ['reviews', 'reviewAssignments'] as const)
    await trx
      .deleteFrom(table)
      .where('roundId', 'in', rounds)
      .where('nominationId', 'in', nominations)
      .where('expertId', '=', expert.expertId)
      .execute();
}

export async function updateExpert(
  db: Db,
  actor: Actor,
  campaignId: string,
  expertId: string,
  edit: z.output<typeof UpdateExpertBody>,
  now: Date,
) {
  const today = todayInShanghai(now);
  return db.transaction().execute(async (trx) => {
    const campaign = await managedCampaign(trx, actor, campaignId, true);
    assertSetupOpen(campaign);
    const before = await lockPoolExpert(trx, campaign.id, expertId);
    if (!before) throw notFound('专家');
    if (before.version !== edit.version) throw staleVersion();
    // Left out, the number kept is opened, checked again with the rest and sealed anew.
    const kept = () => openColumn('idNumber', before.idNumberSealed, dataKeys());
    const input = { ...edit, idNumber: edit.idNumber === undefined ? kept() : edit.idNumber };
    const chairs = await listPool(trx, campaign.id);
    refuseFindings(expertFactsFindings(input, { today, chairs, expertId }));
    await leavePanels(
      trx,
      campaign.id,
      before,
      before.panels.filter((p) => !input.panels.includes(p)),
    );
    await trx
      .updateTable('reviewExperts')
      .set({ ...factColumns(input, before.relations), version: before.version + 1, updatedAt: now })
      .where('campaignId', '=', campaign.id)
      .where('expertId', '=', expertId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'review.expert_updated',
      entityType: 'review_expert',
      entityId: expertId,
      scopePath: campaign.organiserPath,
      before: auditFacts(before.name, factsOf(before)),
      after: { campaignId: campaign.id, ...auditFacts(before.name, input) },
    });
    await recomputeConflicts(trx, campaign.id, today, actor);
    return (await findPoolExpert(trx, campaign.id, expertId))!;
  });
}

export async function removeExpert(db: Db, actor: Actor, campaignId: string, expertId: string, now: Date) {
  const today = todayInShanghai(now);
  return db.transaction().execute(async (trx) => {
    const campaign = await managedCampaign(trx, actor, campaignId, true);
    assertSetupOpen(campaign);
    const before = await lockPoolExpert(trx, campaign.id, expertId);
    if (!before) throw notFound('专家');
    const submitted = await submittedReviewCount(trx, campaign.id, expertId);
    if (submitted > 0)
      throw new AppError(
        'EXPERT_HAS_REVIEWS',
        `${before.name}已提交${submitted}份评审，不能移出专家库；如不再参加后续轮次，请在轮次中取消其参评`,
      );
    const rounds = trx.selectFrom('reviewRounds').select('id').where('campaignId', '=', campaign.id);
    // Drafts go with the assignments they hang on; nothing submitted exists (checked above).
    await trx.deleteFrom('reviews').where('roundId', 'in', rounds).where('expertId', '=', expertId).execute();
    await trx
      .deleteFrom('reviewAssignments')
      .where('roundId', 'in', rounds)
      .where('expertId', '=', expertId)
      .execute();
    await trx
      .deleteFrom('reviewRoundExperts')
      .where('roundId', 'in', rounds)
      .where('expertId', '=', expertId)
      .execute();
    await trx
      .deleteFrom('reviewExperts')
      .where('campaignId', '=', campaign.id)
      .where('expertId', '=', expertId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'review.expert_removed',
      entityType: 'review_expert',
      entityId: expertId,
      scopePath: campaign.organiserPath,
      before: { campaignId: campaign.id, ...auditFacts(before.name, factsOf(before)) },
    });
    await recomputeConflicts(trx, campaign.id, today, actor);
  });
}
