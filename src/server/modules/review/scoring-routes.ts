import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CATEGORIES } from '#core/campaign/rules.ts';
import {
  MyReviewsResponse,
  ProposeShortlistBody,
  RankingResponse,
  ReviewResponse,
  ReviewVersionBody,
  SaveReviewBody,
  SaveReviewResponse,
  ScoreSheetResponse,
  ShortlistProposal,
  ShortlistProposalsResponse,
} from '#core/contract/review-scoring.ts';
import { attachmentDisposition } from '#core/documents/index.ts';
import { RANKING_METHODS } from '#core/review/ranking.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { MATERIAL_TYPES } from '#server/platform/http/media-types.ts';
import { listMyReviews } from './my-reviews.ts';
import { getRanking } from './ranking.ts';
import {
  type DocumentFile,
  exportRanking,
  exportScoreSheets,
  exportShortlist,
  getScoreSheet,
} from './review-documents.ts';
import { getReviewFile } from './review-files.ts';
import { getReview } from './review-view.ts';
import { saveReview } from './save-review.ts';
import { confirmShortlist } from './shortlist-confirm.ts';
import { getShortlistProposals } from './shortlist-list.ts';
import { proposeShortlist } from './shortlist-propose.ts';
import { reopenReview, submitReview } from './submit-review.ts';

const tags = ['专家评审'];
const ReviewParams = z.object({
  roundId: z.uuid('评审轮次编号格式不正确'),
  nominationId: z.uuid('推介编号格式不正确'),
});
const CampaignParams = z.object({ campaignId: z.uuid('活动编号格式不正确') });
const ProposalParams = CampaignParams.extend({ proposalId: z.uuid('名单编号格式不正确') });
const RankingQuery = z.object({
  roundId: z.uuid('评审轮次编号格式不正确').optional(),
  category: z.enum(CATEGORIES).default('star'),
  method: z.enum(RANKING_METHODS).optional(),
});
const RoundParams = CampaignParams.extend({ roundId: z.uuid('评审轮次编号格式不正确') });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Scores and names: never kept by a shared cache or the browser's. */
function send(reply: FastifyReply, type: string, file: DocumentFile) {
  return reply
    .header('content-type', type)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('cache-control', 'no-store')
    .send(file.body);
}

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
      produces: MATERIAL_TYPES,
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

  r.get('/api/campaigns/:campaignId/review/ranking', {
    schema: {
      operationId: 'getRanking',
      tags,
      summary:
        '评审排名：平均分、去掉最高最低分的平均分与按专家标准化分数并列，及名单限制（评审组长、组织单位）',
      params: CampaignParams,
      querystring: RankingQuery,
      response: { 200: RankingResponse },
    },
    handler: async (request) =>
      getRanking(db, requireActor(request), request.params.campaignId, request.query),
  });

  r.get('/api/campaigns/:campaignId/review/shortlist', {
    schema: {
      operationId: 'getShortlistProposals',
      tags,
      summary: '拟推介名单（评审组长拟定，组织单位确认）',
      params: CampaignParams,
      querystring: z.object({ category: z.enum(CATEGORIES).optional() }),
      response: { 200: ShortlistProposalsResponse },
    },
    handler: async (request) =>
      getShortlistProposals(db, requireActor(request), request.params.campaignId, request.query.category),
  });

  r.post('/api/campaigns/:campaignId/review/shortlist', {
    schema: {
      operationId: 'proposeShortlist',
      tags,
      summary: '评审组长拟定本类别拟推介名单（与排名不一致处须说明理由）',
      params: CampaignParams,
      body: ProposeShortlistBody,
      response: { 201: ShortlistProposal },
    },
    handler: async (request, reply) => {
      const proposal = await proposeShortlist(
        db,
        requireActor(request),
        request.params.campaignId,
        request.body,
        clock.now(),
      );
      return reply.status(201).send(proposal);
    },
  });

  r.post('/api/campaigns/:campaignId/review/shortlist/:proposalId/confirm', {
    schema: {
      operationId: 'confirmShortlist',
      tags,
      summary: '组织单位确认拟推介名单：名单中的推介一并改为“拟推介”或“未入选”',
      params: ProposalParams,
      response: { 200: ShortlistProposal },
    },
    handler: async (request) =>
      confirmShortlist(
        db,
        requireActor(request),
        request.params.campaignId,
        request.params.proposalId,
        clock.now(),
      ),
  });

  r.get('/api/reviews/:roundId/sheet', {
    schema: {
      operationId: 'getScoreSheet',
      tags,
      summary: '本人本轮评审表（供打印签字）',
      params: z.object({ roundId: z.uuid('评审轮次编号格式不正确') }),
      response: { 200: ScoreSheetResponse },
    },
    handler: async (request) => getScoreSheet(db, requireActor(request), request.params.roundId, clock.now()),
  });

  r.get('/api/campaigns/:campaignId/review/rounds/:roundId/score-sheets.xlsx', {
    schema: {
      operationId: 'exportScoreSheets',
      produces: [XLSX],
      tags,
      summary: '导出专家评分表（Excel，每位专家一页；专家只能导出本人的）',
      params: RoundParams,
      querystring: z.object({ expertId: z.uuid('专家编号格式不正确').optional() }),
    },
    handler: async (request, reply) => {
      const { campaignId, roundId } = request.params;
      const file = await exportScoreSheets(
        db,
        requireActor(request),
        campaignId,
        roundId,
        request.query.expertId,
      );
      return send(reply, XLSX, file);
    },
  });

  r.get('/api/campaigns/:campaignId/review/rounds/:roundId/ranking.xlsx', {
    schema: {
      operationId: 'exportRanking',
      produces: [XLSX],
      tags,
      summary: '导出评审排名（Excel，各种计分方法并列）',
      params: RoundParams,
    },
    handler: async (request, reply) => {
      const { campaignId, roundId } = request.params;
      return send(reply, XLSX, await exportRanking(db, requireActor(request), campaignId, roundId));
    },
  });

  r.get('/api/campaigns/:campaignId/review/shortlist/:proposalId.docx', {
    schema: {
      operationId: 'exportShortlist',
      produces: [DOCX],
      tags,
      summary: '导出拟推介名单（Word，特别推介单列）',
      params: ProposalParams,
    },
    handler: async (request, reply) => {
      const { campaignId, proposalId } = request.params;
      return send(reply, DOCX, await exportShortlist(db, requireActor(request), campaignId, proposalId));
    },
  });
}
