/**
 * A reporting unit asks that named experts of the pool stay away from its own nomination (at most 3,
 * each with a reason). The unit sees only the pool's names and employers on its nomination's panel,
 * nothing else about them. Requests can change while the campaign is 报送中 or 评审中 and no review round
 * has opened yet: once experts have seen the nominations, a request would tell the unit who reviews it.
 */
import type { z } from 'zod';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { ExclusionsBody, ExclusionsResponse } from '#core/contract/review-setup.ts';
import { checkExclusionRequest, MAX_EXCLUSIONS } from '#core/review/conflict-requests.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, notFound } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { campaignForJob } from '../campaigns/service.ts';
import { visibleNomination } from '../nominations/service.ts';
import { recomputeConflicts } from './conflicts-recompute.ts';
import { mayRequestExclusions } from './pool-rules.ts';

const OPEN_NOMINATION_STATES = new Set(['submitted', 'accepted']);

async function unitNomination(db: Db | Trx, actor: Actor, nominationId: string, lock = false) {
  const nomination = await visibleNomination(db, actor, nominationId, lock);
  if (!mayRequestExclusions(actor, nomination)) throw notFound('推介');
  const campaign = (await campaignForJob(db, nomination.campaignId))!;
  const opened = await db
    .selectFrom('reviewRounds')
    .select('id')
    .where('campaignId', '=', campaign.id)
    .where('state', '!=', 'planned')
    .executeTakeFirst();
  const editable =
    (campaign.status === 'open' || campaign.status === 'reviewing') &&
    !opened &&
    OPEN_NOMINATION_STATES.has(nomination.state);
  return { nomination, campaign, editable };
}

async function panelExperts(db: Db | Trx, campaignId: string, category: string) {
  return db
    .selectFrom('reviewExperts as e')
    .innerJoin('accounts as a', 'a.id', 'e.expertId')
    .select(['e.expertId', 'a.displayName as name', 'e.employerName'])
    .where('e.campaignId', '=', campaignId)
    .where((eb) => eb(eb.val(category), '=', eb.fn.any('e.panels')))
    .orderBy('a.displayName')
    .execute();
}

async function present(
  db: Db | Trx,
  nominationId: string,
  campaignId: string,
  category: string,
  editable: boolean,
) {
  const experts = await panelExperts(db, campaignId, category);
  const requests = await db
    .selectFrom('reviewExclusionRequests as r')
    .innerJoin('accounts as a', 'a.id', 'r.expertId')
    .select(['r.expertId', 'a.displayName as name', 'r.reason'])
    .where('r.nominationId', '=', nominationId)
    .orderBy('r.createdAt')
    .execute();
  return { maximum: MAX_EXCLUSIONS, editable, experts, requests };
}

export async function listExclusionRequests(
  db: Db,
  actor: Actor,
  nominationId: string,
): Promise<ExclusionsResponse> {
  const { nomination, campaign, editable } = await unitNomination(db, actor, nominationId);
  return present(db, nomination.id, campaign.id, nomination.category, editable);
}

export async function setExclusionRequests(
  db: Db,
  actor: Actor,
  nominationId: string,
  input: z.output<typeof ExclusionsBody>,
  now: Date,
): Promise<ExclusionsResponse> {
  return db.transaction().execute(async (trx) => {
    const { nomination, campaign, editable } = await unitNomination(trx, actor, nominationId, true);
    if (!editable)
      throw new AppError(
        'EXCLUSIONS_CLOSED',
        '评审已开始或推介不在可申请的状态，不能再修改回避申请。如有特殊情况，请与组织单位联系',
      );
    const findings = checkExclusionRequest(input.requests);
    if (findings.some((f) => f.code === 'EXCLUSION_TOO_MANY'))
      throw new AppError(
        'EXCLUSIONS_TOO_MANY',
        findings.find((f) => f.code === 'EXCLUSION_TOO_MANY')!.message,
        {
          findings,
        },
      );
    const experts = new Map(
      (await panelExperts(trx, campaign.id, nomination.category)).map((e) => [e.expertId, e]),
    );
    input.requests.forEach((r, i) => {
      if (!experts.has(r.expertId))
        findings.push({
          code: 'EXCLUSION_NOT_IN_POOL',
          severity: 'error',
          field: `exclusions.${i}`,
          message: '所选专家不在本次评审的专家名单中，请刷新后重新选择',
        });
    });
    if (findings.length > 0)
      throw new AppError('VALIDATION_FAILED', findings.map((f) => f.message).join('；'), { findings });
    const before = await trx
      .selectFrom('reviewExclusionRequests')
      .select(['expertId', 'reason'])
      .where('nominationId', '=', nomination.id)
      .execute();
    await trx.deleteFrom('reviewExclusionRequests').where('nominationId', '=', nomination.id).execute();
    if (input.requests.length > 0)
      await trx
        .insertInto('reviewExclusionRequests')
        .values(
          input.requests.map((r) => ({ nominationId: nomination.id, ...r, requestedBy: actor.accountId })),
        )
        .execute();
    const named = (rows: readonly { expertId: string; reason: string }[]) =>
      rows.map((r) => ({ expert: experts.get(r.expertId)?.name ?? '', reason: r.reason }));
    await recordAudit(trx, actor, {
      action: 'review.exclusions_requested',
      entityType: 'nomination',
      entityId: nomination.id,
      scopePath: campaign.organiserPath,
      before: { requests: named(before) },
      after: { requests: named(input.requests) },
    });
    await recomputeConflicts(trx, campaign.id, todayInShanghai(now), actor);
    return present(trx, nomination.id, campaign.id, nomination.category, editable);
  });
}
