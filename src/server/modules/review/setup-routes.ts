import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CandidatesQuery,
  CheckExpertBody,
  CheckExpertResponse,
  ConflictsResponse,
  DeclareConflictBody,
  DeclareConflictResponse,
  DismissConflictBody,
  ExclusionsBody,
  ExclusionsResponse,
  ExpertCandidatesResponse,
  ImportExpertsResponse,
  InviteExpertBody,
  InviteExpertResponse,
  PoolExpertResponse,
  ReviewSetupResponse,
  UpdateExpertBody,
} from '#core/contract/review-setup.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { dismissConflict } from './conflicts-dismiss.ts';
import { checkExpertConflicts, listConflicts } from './conflicts-list.ts';
import { declareConflict } from './declarations.ts';
import { listExclusionRequests, setExclusionRequests } from './exclusions.ts';
import { searchExpertCandidates } from './experts-candidates.ts';
import { buildExpertTemplate, importExperts } from './experts-import.ts';
import { inviteExpert } from './experts-invite.ts';
import { removeExpert, updateExpert } from './experts-update.ts';
import { managedCampaign } from './pool-context.ts';
import { getReviewSetup } from './pool-setup.ts';
import { presentPoolExpert } from './setup-presenter.ts';
import { base, CampaignParams, ExpertParams, tags } from './setup-route-params.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function conflictCount(db: Db | Trx, campaignId: string, expertId: string) {
  const row = await db
    .selectFrom('reviewConflicts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('campaignId', '=', campaignId)
    .where('expertId', '=', expertId)
    .where('conflicted', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function reviewSetupRoutes(app: FastifyInstance, context: AppContext) {
  const { db, clock } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(base, {
    schema: {
      operationId: 'getReviewSetup',
      tags,
      summary: '专家评审安排：专家库、评审轮次、回避情况',
      params: CampaignParams,
      response: { 200: ReviewSetupResponse },
    },
    handler: (request) => getReviewSetup(db, requireActor(request), request.params.campaignId),
  });

  r.get(`${base}/candidates`, {
    schema: {
      operationId: 'searchExpertCandidates',
      tags,
      summary: '可邀请的评审专家账号',
      params: CampaignParams,
      querystring: CandidatesQuery,
      response: { 200: ExpertCandidatesResponse },
    },
    handler: async (request) => ({
      items: await searchExpertCandidates(
        db,
        requireActor(request),
        request.params.campaignId,
        request.query.q,
      ),
    }),
  });

  r.post(`${base}/experts`, {
    schema: {
      operationId: 'inviteExpert',
      tags,
      summary: '邀请专家进入本次活动的专家库（已有账号，或新建评审专家账号）',
      params: CampaignParams,
      body: InviteExpertBody,
      response: { 201: InviteExpertResponse },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const { row, created } = await inviteExpert(
        db,
        actor,
        request.params.campaignId,
        request.body,
        clock.now(),
      );
      const expert = presentPoolExpert(row, await conflictCount(db, row.campaignId, row.expertId));
      return reply.status(201).send({
        expert,
        ...(created && {
          account: { username: created.username, displayName: created.displayName },
          initialPassword: created.initialPassword,
        }),
      });
    },
  });

  r.patch(`${base}/experts/:expertId`, {
    schema: {
      operationId: 'updateExpert',
      tags,
      summary: '修改专家的评审组、工作量与回避信息',
      params: ExpertParams,
      body: UpdateExpertBody,
      response: { 200: PoolExpertResponse },
    },
    handler: async (request) => {
      const { campaignId, expertId } = request.params;
      const row = await updateExpert(
        db,
        requireActor(request),
        campaignId,
        expertId,
        request.body,
        clock.now(),
      );
      return { expert: presentPoolExpert(row, await conflictCount(db, campaignId, expertId)) };
    },
  });

  r.delete(`${base}/experts/:expertId`, {
    schema: { operationId: 'removeExpert', tags, summary: '将专家移出专家库', params: ExpertParams },
    handler: async (request, reply) => {
      const { campaignId, expertId } = request.params;
      await removeExpert(db, requireActor(request), campaignId, expertId, clock.now());
      return reply.status(204).send();
    },
  });

  r.get(`${base}/experts/import/template`, {
    schema: {
      operationId: 'getExpertImportTemplate',
      produces: [XLSX],
      tags,
      summary: '下载评审专家导入模板',
      params: CampaignParams,
    },
    handler: async (request, reply) => {
      await managedCampaign(db, requireActor(request), request.params.campaignId);
      reply.header('content-type', XLSX);
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent('评审专家导入模板.xlsx')}`,
      );
      return reply.send(await buildExpertTemplate());
    },
  });

  r.post(`${base}/experts/import`, {
    schema: {
      operationId: 'importExperts',
      tags,
      summary: '从 Excel 批量导入评审专家',
      consumes: ['multipart/form-data'],
      params: CampaignParams,
      response: { 200: ImportExpertsResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      await managedCampaign(db, actor, request.params.campaignId);
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以表单文件（multipart/form-data）上传 .xlsx 文件');
      const file = await request.file();
      if (!file) throw new AppError('IMPORT_INVALID', '请选择要上传的 .xlsx 文件', { findings: [] });
      const buffer = await file.toBuffer();
      if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', '文件过大，导入文件不能超过 5 MB');
      return importExperts(db, actor, request.params.campaignId, buffer, clock.now());
    },
  });

  r.post(`${base}/experts/check`, {
    schema: {
      operationId: 'checkExpertConflicts',
      tags,
      summary: '邀请前核对候选专家与本次活动推介的回避情况（不保存）',
      params: CampaignParams,
      body: CheckExpertBody,
      response: { 200: CheckExpertResponse },
    },
    handler: async (request) => ({
      conflicts: await checkExpertConflicts(
        db,
        requireActor(request),
        request.params.campaignId,
        request.body,
        clock.now(),
      ),
    }),
  });

  r.get(`${base}/conflicts`, {
    schema: {
      operationId: 'listConflicts',
      tags,
      summary: '回避情况：专家与推介之间须回避的情形',
      params: CampaignParams,
      response: { 200: ConflictsResponse },
    },
    handler: async (request) => ({
      items: await listConflicts(db, requireActor(request), request.params.campaignId),
    }),
  });

  r.post(`${base}/conflicts/dismiss`, {
    schema: {
      operationId: 'dismissConflict',
      tags,
      summary: '排除一项误判的回避情形（须写明理由，记入操作记录）',
      params: CampaignParams,
      body: DismissConflictBody,
      response: { 200: ConflictsResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      await dismissConflict(db, actor, request.params.campaignId, request.body, clock.now());
      return { items: await listConflicts(db, actor, request.params.campaignId) };
    },
  });

  r.post(`${base}/declarations`, {
    schema: {
      operationId: 'declareConflict',
      tags,
      summary: '评审专家本人申请回避某项推介',
      params: CampaignParams,
      body: DeclareConflictBody,
      response: { 200: DeclareConflictResponse },
    },
    handler: (request) =>
      declareConflict(db, requireActor(request), request.params.campaignId, request.body, clock.now()),
  });

  r.get('/api/nominations/:id/review-exclusions', {
    schema: {
      operationId: 'listExclusionRequests',
      tags,
      summary: '本单位推介申请回避的专家',
      params: uuidParam,
      response: { 200: ExclusionsResponse },
    },
    handler: (request) => listExclusionRequests(db, requireActor(request), request.params.id),
  });

  r.put('/api/nominations/:id/review-exclusions', {
    schema: {
      operationId: 'setExclusionRequests',
      tags,
      summary: '申请专家回避本单位的推介（最多 3 名，须写明理由）',
      params: uuidParam,
      body: ExclusionsBody,
      response: { 200: ExclusionsResponse },
    },
    handler: (request) =>
      setExclusionRequests(db, requireActor(request), request.params.id, request.body, clock.now()),
  });
}
