/**
 * The organiser plans review rounds (初评 online, 会评 at a meeting): each with its dates, experts,
 * reviews per nomination and blind fields. A planned or open round can be edited (never to close in the
 * past); a closed one is history. Creation goes through the round's transition file (house rule 1).
 */
import type { z } from 'zod';
import type { UpdateRoundBody } from '#core/contract/review-setup.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, notFound, staleVersion } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { managedCampaign, settingsOf } from './pool-context.ts';
import { listPool } from './pool-queries.ts';
import { checkRoundInput, type RoundInput } from './rounds-input.ts';
import { createRound } from './transition-round.ts';

const EDITABLE_CAMPAIGN_STATES = new Set(['draft', 'open', 'reviewing']);

export async function roundExpertIds(db: Db | Trx, roundId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('reviewRoundExperts')
    .select('expertId')
    .where('roundId', '=', roundId)
    .execute();
  return rows.map((r) => r.expertId);
}

export async function findRound(db: Db | Trx, campaignId: string, roundId: string, lock = false) {
  let query = db
    .selectFrom('reviewRounds')
    .selectAll()
    .where('id', '=', roundId)
    .where('campaignId', '=', campaignId);
  if (lock) query = query.forUpdate();
  const round = await query.executeTakeFirst();
  if (!round) throw notFound('评审轮次');
  return round;
}

async function context(trx: Trx, campaignId: string, exceptRound: string | null, now: Date) {
  const pool = await listPool(trx, campaignId);
  const others = await trx
    .selectFrom('reviewRounds')
    .select(['id', 'name'])
    .where('campaignId', '=', campaignId)
    .execute();
  return {
    now,
    poolIds: pool.map((e) => e.expertId),
    otherNames: others.filter((r) => r.id !== exceptRound).map((r) => r.name),
  };
}

const columns = (input: RoundInput, reviewsPerNomination: number) => ({
  name: input.name,
  kind: input.kind,
  reviewsPerNomination: input.reviewsPerNomination ?? reviewsPerNomination,
  blindFields: input.blindFields,
  showOthersAfterSubmit: input.showOthersAfterSubmit,
});

export async function createReviewRound(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: RoundInput,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await managedCampaign(trx, actor, campaignId, true);
    if (!EDITABLE_CAMPAIGN_STATES.has(campaign.status))
      throw new AppError('ROUND_NOT_EDITABLE', '活动已进入公示或审定，不能再新增评审轮次');
    const checked = checkRoundInput(input, await context(trx, campaign.id, null, now));
    const last = await trx
      .selectFrom('reviewRounds')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('campaignId', '=', campaign.id)
      .executeTakeFirst();
    const round = await createRound(
      trx,
      actor,
      {
        campaignId: campaign.id,
        position: (last?.position ?? 0) + 1,
        ...columns(input, settingsOf(campaign).reviewsPerNomination),
        opensOn: checked.opensOn,
        closesAt: checked.closesAt,
      },
      { campaignState: campaign.status, scopePath: campaign.organiserPath },
    );
    await trx
      .insertInto('reviewRoundExperts')
      .values(checked.expertIds.map((expertId) => ({ roundId: round.id, expertId })))
      .execute();
    return round;
  });
}

export async function updateReviewRound(
  db: Db,
  actor: Actor,
  campaignId: string,
  roundId: string,
  input: z.output<typeof UpdateRoundBody>,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await managedCampaign(trx, actor, campaignId, true);
    const before = await findRound(trx, campaign.id, roundId, true);
    if (before.state === 'closed')
      throw new AppError(
        'ROUND_NOT_EDITABLE',
        `「${before.name}」已结束，不能再修改；如需补评，请先重新开放`,
      );
    if (before.version !== input.version) throw staleVersion();
    const checked = checkRoundInput(input, await context(trx, campaign.id, before.id, now));
    const beforeExperts = await roundExpertIds(trx, before.id);
    const leaving = beforeExperts.filter((id) => !checked.expertIds.includes(id));
    if (leaving.length > 0) {
      const submitted = await trx
        .selectFrom('reviews as r')
        .innerJoin('accounts as a', 'a.id', 'r.expertId')
        .select('a.displayName')
        .where('r.roundId', '=', before.id)
        .where('r.expertId', 'in', leaving)
        .where('r.state', '=', 'submitted')
        .executeTakeFirst();
      if (submitted)
        throw new AppError('EXPERT_HAS_REVIEWS', `${submitted.displayName}已在本轮提交评审，不能移出本轮`);
      for (const table of ['reviews', 'reviewAssignments', 'reviewRoundExperts'] as const)
        await trx
          .deleteFrom(table)
          .where('roundId', '=', before.id)
          .where('expertId', 'in', leaving)
          .execute();
    }
    const joining = checked.expertIds.filter((id) => !beforeExperts.includes(id));
    if (joining.length > 0)
      await trx
        .insertInto('reviewRoundExperts')
        .values(joining.map((expertId) => ({ roundId: before.id, expertId })))
        .execute();
    const after = await trx
      .updateTable('reviewRounds')
      .set({
        ...columns(input, before.reviewsPerNomination),
        opensOn: checked.opensOn,
        closesAt: checked.closesAt,
        version: before.version + 1,
        updatedAt: now,
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'review.round_updated',
      entityType: 'review_round',
      entityId: before.id,
      scopePath: campaign.organiserPath,
      before: {
        name: before.name,
        closesAt: before.closesAt,
        reviewsPerNomination: before.reviewsPerNomination,
        experts: beforeExperts.length,
      },
      after: {
        name: after.name,
        closesAt: after.closesAt,
        reviewsPerNomination: after.reviewsPerNomination,
        experts: checked.expertIds.length,
      },
    });
    return after;
  });
}
