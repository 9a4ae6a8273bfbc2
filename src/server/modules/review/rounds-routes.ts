/** The review rounds of a campaign and who reviews what in them: the organiser's routes. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AssignBody,
  AssignmentPairBody,
  AssignmentsResponse,
  MoveRoundBody,
  ReviewRoundResponse,
  RoundBody,
  UpdateRoundBody,
} from '#core/contract/review-setup.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import type { Db } from '#server/platform/db/database.ts';
import { assignRoundReviews } from './assignment-auto.ts';
import { changeAssignment } from './assignment-manual.ts';
import { getAssignments } from './assignment-view.ts';
import { createReviewRound, roundExpertIds, updateReviewRound } from './rounds.ts';
import { moveReviewRound } from './rounds-move.ts';
import { presentRound } from './setup-presenter.ts';
import { base, CampaignParams, RoundParams, tags } from './setup-route-params.ts';
import type { RoundRow } from './transition-round.ts';

async function roundView(db: Db, round: RoundRow) {
  const progress = await db
    .selectFrom('reviewAssignments as a')
    .leftJoin('reviews as v', (join) =>
      join
        .onRef('v.roundId', '=', 'a.roundId')
        .onRef('v.nominationId', '=', 'a.nominationId')
        .onRef('v.expertId', '=', 'a.expertId'),
    )
    .select((eb) => [
      eb.fn.countAll<string>().as('assigned'),
      eb.fn.count<string>('v.id').filterWhere('v.state', '=', 'submitted').as('submitted'),
    ])
    .where('a.roundId', '=', round.id)
    .executeTakeFirstOrThrow();
  return {
    round: presentRound(round, await roundExpertIds(db, round.id), {
      assigned: Number(progress.assigned),
      submitted: Number(progress.submitted),
    }),
  };
}

export function reviewRoundRoutes(app: FastifyInstance, context: AppContext) {
  const { db, clock } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(`${base}/rounds`, {
    schema: {
      operationId: 'createReviewRound',
      tags,
      summary: '新建评审轮次',
      params: CampaignParams,
      body: RoundBody,
      response: { 201: ReviewRoundResponse },
    },
    handler: async (request, reply) => {
      const round = await createReviewRound(
        db,
        requireActor(request),
        request.params.campaignId,
        request.body,
        clock.now(),
      );
      return reply.status(201).send(await roundView(db, round));
    },
  });

  r.patch(`${base}/rounds/:roundId`, {
    schema: {
      operationId: 'updateReviewRound',
      tags,
      summary: '修改评审轮次',
      params: RoundParams,
      body: UpdateRoundBody,
      response: { 200: ReviewRoundResponse },
    },
    handler: async (request) => {
      const { campaignId, roundId } = request.params;
      return roundView(
        db,
        await updateReviewRound(db, requireActor(request), campaignId, roundId, request.body, clock.now()),
      );
    },
  });

  r.post(`${base}/rounds/:roundId/move`, {
    schema: {
      operationId: 'moveReviewRound',
      tags,
      summary: '开始、结束或重新开放评审轮次',
      params: RoundParams,
      body: MoveRoundBody,
      response: { 200: ReviewRoundResponse },
    },
    handler: async (request) => {
      const { campaignId, roundId } = request.params;
      return roundView(
        db,
        await moveReviewRound(db, requireActor(request), campaignId, roundId, request.body, clock.now()),
      );
    },
  });

  r.post(`${base}/rounds/:roundId/assign`, {
    schema: {
      operationId: 'assignReviews',
      tags,
      summary: '自动分配评审任务（遵守回避与工作量，可用同一随机种子重现）',
      params: RoundParams,
      body: AssignBody,
      response: { 200: AssignmentsResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { campaignId, roundId } = request.params;
      await assignRoundReviews(db, actor, campaignId, roundId, request.body, clock.now());
      return getAssignments(db, actor, campaignId, roundId);
    },
  });

  r.get(`${base}/rounds/:roundId/assignments`, {
    schema: {
      operationId: 'getAssignments',
      tags,
      summary: '评审任务分配情况与专家工作量',
      params: RoundParams,
      response: { 200: AssignmentsResponse },
    },
    handler: (request) =>
      getAssignments(db, requireActor(request), request.params.campaignId, request.params.roundId),
  });

  for (const [method, kind] of [
    ['post', 'add'],
    ['delete', 'remove'],
  ] as const) {
    r[method](`${base}/rounds/:roundId/assignments`, {
      schema: {
        operationId: kind === 'add' ? 'addAssignment' : 'removeAssignment',
        tags,
        summary: kind === 'add' ? '手动安排专家评审某项推介' : '撤下专家对某项推介的评审',
        params: RoundParams,
        body: AssignmentPairBody,
        response: { 200: AssignmentsResponse },
      },
      handler: async (request) => {
        const actor = requireActor(request);
        const { campaignId, roundId } = request.params;
        const warnings = await changeAssignment(db, actor, campaignId, roundId, { kind, ...request.body });
        const view = await getAssignments(db, actor, campaignId, roundId);
        return { ...view, findings: [...warnings, ...view.findings] };
      },
    });
  }
}
