import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MyReviewsResponse,
  ReviewResponse,
  ReviewVersionBody,
  SaveReviewBody,
  SaveReviewResponse,
} from '#core/contract/review-scoring.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { listMyReviews } from './my-reviews.ts';
import { getReviewFile } from './review-files.ts';
import { getReview } from './review-view.ts';
import { saveReview } from './save-review.ts';
import { reopenReview, submitReview } from './submit-review.ts';

const tags = ['专家评审'];
const ReviewParams = z.object({
  roundId: z.uuid('评审轮次编号格式不正确'),
  nominationId: z.uuid('推介编号格式不正确'),
});
const FileParams = ReviewParams.extend({ materialId: z.uuid('文件编号格式不正确') });

export function scoringRoutes(app: FastifyInstance, context: AppContext) {
  const { db, clock } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/reviews', {
    schema: {
      operationId: 'listMyReviews',
      tags,
      summary: '我的评审任务：按评审轮次列出分配给我的推介与评分进度',
      response: { 200: MyReviewsResponse },
    },
    handler: async (request) => listMyReviews(db, requireActor(request)),
  });

  r.get('/api/reviews/:roundId/:nominationId', {
    schema: {
      operationId: 'getReview',
      tags,
      summary: '评分页面：推介表（按本轮盲评要求隐去相关信息）、材料、评分标准与我的评分',
      params: ReviewParams,
      response: { 200: ReviewResponse },
    },
    handler: async (request) =>
      getReview(db, requireActor(request), request.params.roundId, request.params.nominationId),
  });

  r.get('/api/reviews/:roundId/:nominationId/files/:materialId', {
    schema: {
      operationId: 'getReviewFile',
      tags,
      summary: '评审中推介的材料文件（支持拖动播放）',
      params: FileParams,
    },
    // A video player asks for many ranges while seeking.
    config: { rateLimit: false },
    handler: async (request, reply) => {
      const ifRange = request.headers['if-range'];
      const content = await getReviewFile(
        context,
        requireActor(request),
        request.params,
        request.headers.range,
        typeof ifRange === 'string' ? ifRange : undefined,
      );
      reply.status(content.status).headers(content.headers);
      return reply.send(content.body ?? '');
    },
  });

  r.put('/api/reviews/:roundId/:nominationId', {
    schema: {
      operationId: 'saveReview',
      tags,
      summary: '保存评分草稿（自动保存，可只填部分评分项）',
      params: ReviewParams,
      body: SaveReviewBody,
      response: { 200: SaveReviewResponse },
    },
    handler: async (request) =>
      saveReview(
        db,
        requireActor(request),
        request.params.roundId,
        request.params.nominationId,
        request.body,
        clock.now(),
      ),
  });

  r.post('/api/reviews/:roundId/:nominationId/submit', {
    schema: {
      operationId: 'submitReview',
      tags,
      summary: '提交评分（提交后锁定并生成校验码）',
      params: ReviewParams,
      body: ReviewVersionBody,
      response: { 200: SaveReviewResponse },
    },
    handler: async (request) =>
      submitReview(
        db,
        requireActor(request),
        request.params.roundId,
        request.params.nominationId,
        request.body,
        clock.now(),
      ),
  });

  r.post('/api/reviews/:roundId/:nominationId/reopen', {
    schema: {
      operationId: 'reopenReview',
      tags,
      summary: '撤回已提交的评分以便修改（本轮评审进行中）',
      params: ReviewParams,
      body: ReviewVersionBody,
      response: { 200: SaveReviewResponse },
    },
    handler: async (request) =>
      reopenReview(
        db,
        requireActor(request),
        request.params.roundId,
        request.params.nominationId,
        request.body,
        clock.now(),
      ),
  });
}
