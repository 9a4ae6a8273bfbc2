import { sql } from 'kysely';
import { madeElsewhere } from '#core/campaign/move-preconditions.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import {
  CAMPAIGN_STATES,
  type CampaignState,
  findTransition,
  transitionsFrom,
} from '#core/campaign/states.ts';
import { validateCampaignRules } from '#core/campaign/validate.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import { recordAudit } from '../audit/service.ts';
import { planDeadlineRuns } from './deadline-jobs.ts';
import { type CampaignRow, findCampaign, listExtensions } from './queries.ts';
import { campaignRules } from './rules.ts';
import { deadlineAt, visibleCampaign } from './service.ts';

/** 「活动当前为「筹备中」，不能改为「已公布」；当前可以：「开放报送」」: states by their Chinese names. */
export function transitionRefusal(from: CampaignState, to: CampaignState): string {
  const moves = transitionsFrom(from).map((t) => `「${t.label}」`);
  const now = moves.length > 0 ? `；当前可以：${moves.join('、')}` : '';
  return `活动当前为「${CAMPAIGN_STATES[from]}」，不能改为「${CAMPAIGN_STATES[to]}」${now}`;
}

/** A follow-up sees the campaign as it now stands (already in its new status) and who moved it, when. */
export interface FollowUpContext {
  trx: Trx;
  jobs: Jobs;
  campaign: CampaignRow;
  /** null: the platform itself (the 公示 opening on its day). */
  actor: Actor | null;
  now: Date;
}

export type FollowUp = (c: FollowUpContext) => Promise<void>;

/**
 * Follow-ups another module owns: 审定入选 is the nominations module's move, and campaigns may not import
 * nominations (no module loops), so the app hands it over where it is built (app.ts).
 */
const provided: Partial<Record<CampaignState, FollowUp>> = {};

export function provideCampaignFollowUp(status: CampaignState, followUp: FollowUp) {
  provided[status] = followUp;
}

/** A provided follow-up; missing, the transition fails rather than leave its work undone. */
const fromProvider =
  (status: CampaignState): FollowUp =>
  (c) => {
    const followUp = provided[status];
    if (!followUp) throw new Error(`campaign follow-up for ${status} was never provided`);
    return followUp(c);
  };

/**
 * What each status sets going, in the transaction that enters it: the one place a campaign's follow-ups
 * are declared. 开放报送 plans the runs of 逾期视为自动放弃 at the campaign's deadline and each unit's
 * extension (a later rules change or extension plans its own, see update-rules.ts and extensions.ts).
 * 审定 makes the approved 拟推介名单 the result: every 拟推介 nomination becomes 入选 (审定入选) through
 * the one nomination transition, by the organiser who approves, in this same transaction (the nominations
 * module's selectShortlist, provided by app.ts).
 */
const FOLLOW_UPS: Partial<Record<CampaignState, FollowUp>> = {
  open: async ({ trx, jobs, campaign }) => {
    const extensions = await listExtensions(trx, campaign.id);
    await planDeadlineRuns(trx, jobs, campaign.id, [campaign.deadlineAt, ...extensions.map((e) => e.until)]);
  },
  approved: fromProvider('approved'),
};

/** The one function that changes a campaign's status: guard, write, audit, follow-ups, in one transaction. */
export async function transitionCampaign(
  db: Db,
  actor: Actor,
  id: string,
  to: CampaignState,
  jobs: Jobs,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaign(trx, actor, id, true);
    campaignRules.authorize(actor, 'transition', campaign);
    // 开始公示, 审定 and 公布 are made by their own use cases, which call applyCampaignTransition.
    const elsewhere = madeElsewhere(campaign.status, to);
    if (elsewhere) throw new AppError('CAMPAIGN_NOT_READY', elsewhere);
    return applyCampaignTransition(trx, actor, campaign, to, jobs, now);
  });
}

/**
 * The move itself, in the caller's transaction, for a campaign the caller has loaded (locked) and
 * authorised (or the platform's own move, `actor` null). The demo seed moves its review campaign to 评审中 this way; it has no job queue, which only
 * a move with follow-ups needs.
 */
export async function applyCampaignTransition(
  trx: Trx,
  actor: Actor | null,
  campaign: CampaignRow,
  to: CampaignState,
  jobs: Jobs | null,
  now: Date,
) {
  const { id } = campaign;
  const from = campaign.status;
  const transition = findTransition(from, to);
  if (!transition) throw new AppError('CAMPAIGN_MOVE_NOT_ALLOWED', transitionRefusal(from, to));
  if (to === 'open') {
    const errors = validateCampaignRules(campaign.rules).filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `活动规则还有 ${errors.length} 处错误，修改后才能开放报送：${errors.map((f) => f.message).join('；')}`,
        { findings: errors },
      );
    }
  }
  const followUp = FOLLOW_UPS[to];
  if (followUp && !jobs) throw new Error(`moving a campaign to ${to} needs the job queue`);
  await trx
    .updateTable('campaigns')
    .set({ status: to, version: sql<number>`version + 1`, updatedAt: now })
    .where('id', '=', id)
    .execute();
  // The follow-ups act in the new status (审定入选 is a move of 已审定 campaigns), so they read the row again.
  const moved = (await findCampaign(trx, id))!;
  if (followUp) await followUp({ trx, jobs: jobs!, campaign: moved, actor, now });
  await recordAudit(trx, actor, {
    action: 'campaign.transitioned',
    entityType: 'campaign',
    entityId: id,
    scopePath: campaign.organiserPath,
    before: { status: from },
    after: { status: to, label: transition.label },
  });
  return (await findCampaign(trx, id))!;
}

/**
 * The one way a campaign comes into being: its row in 筹备中 and its first rules version, audited; shared
 * by the create use case and the demo seed. The demo's campaigns alone start 报送中 (`demoOpen`): no job
 * queue exists while seeding, so the opening's follow-up is left to the deadline job's sweep, which
 * covers campaigns without planned runs.
 */
export async function insertCampaign(
  trx: Trx,
  actor: Actor | null,
  organiser: { id: string; path: string },
  rules: CampaignRules,
  origin: { templateId: string | null; copiedFrom: string | null; demoOpen?: boolean },
) {
  const row = await trx
    .insertInto('campaigns')
    .values({
      organiserId: organiser.id,
      year: rules.year,
      level: rules.level,
      title: rules.title,
      status: origin.demoOpen ? 'open' : 'draft',
      rules: JSON.stringify(rules),
      templateId: origin.templateId,
      copiedFrom: origin.copiedFrom,
      deadlineAt: deadlineAt(rules),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('campaignRuleVersions')
    .values({
      campaignId: row.id,
      rulesVersion: 1,
      rules: JSON.stringify(rules),
      changedBy: actor?.accountId ?? null,
      changedByName: actor?.displayName ?? null,
    })
    .execute();
  await recordAudit(trx, actor, {
    action: 'campaign.created',
    entityType: 'campaign',
    entityId: row.id,
    scopePath: organiser.path,
    after: {
      title: rules.title,
      year: rules.year,
      templateId: origin.templateId,
      copiedFrom: origin.copiedFrom,
    },
  });
  return (await findCampaign(trx, row.id))!;
}
