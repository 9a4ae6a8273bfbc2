import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ApprovalsList,
  ApproveBody,
  ApproveResponse,
  NoticeFileParams,
  PublishBody,
  PublishResponse,
  RequestApprovalResponse,
  ResultNotice,
  ResultsStatus,
  ReturnBody,
  ReturnResponse,
} from '#core/contract/results.ts';
import { attachmentDisposition } from '#core/documents/file-names.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { DOCX, PDF, XLSX } from '#server/platform/http/media-types.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { approveCampaign } from './approve-campaign.ts';
import { listApprovals } from './list-approvals.ts';
import { getResultNotice, openNoticeFile } from './notice-files.ts';
import { publishResults } from './publish-results.ts';
import { requestApproval } from './request-approval.ts';
import { getResultsStatus } from './results-status.ts';
import { returnCampaign } from './return-campaign.ts';

const tags = ['审定与公布'];

export function resultsRoutes(app: FastifyInstance, context: AppContext) {
  const { db } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/approvals', {
    schema: {
      operationId: 'listApprovals',
      tags,
      summary: '待审定的推介活动（审定人）',
      response: { 200: ApprovalsList },
    },
    handler: (request) => listApprovals(db, requireActor(request)),
  });

  r.get('/api/campaigns/:id/results', {
    schema: {
      operationId: 'getResultsStatus',
      tags,
      summary: '审定与公布情况：公示、异议、更正、名单、审定记录、结果通知',
      params: uuidParam,
      response: { 200: ResultsStatus },
    },
    handler: (request) => getResultsStatus(db, requireActor(request), request.params.id),
  });

  r.post('/api/campaigns/:id/approval', {
    schema: {
      operationId: 'approveCampaign',
      tags,
      summary: '审定通过拟推介名单（拟推介的推介全部入选）',
      params: uuidParam,
      body: ApproveBody,
      response: { 200: ApproveResponse },
    },
    handler: (request) =>
      approveCampaign(context, requireActor(request), request.params.id, { comment: request.body.comment }),
  });

  r.post('/api/campaigns/:id/approval/return', {
    schema: {
      operationId: 'returnCampaign',
      tags,
      summary: '退回拟推介名单（须说明原因）',
      params: uuidParam,
      body: ReturnBody,
      response: { 200: ReturnResponse },
    },
    handler: (request) => returnCampaign(context, requireActor(request), request.params.id, request.body),
  });

  r.post('/api/campaigns/:id/approval/request', {
    schema: {
      operationId: 'requestApproval',
      tags,
      summary: '公示结束后提请审定（通知审定人）',
      params: uuidParam,
      response: { 200: RequestApprovalResponse },
    },
    handler: (request) => requestApproval(context, requireActor(request), request.params.id),
  });

  r.post('/api/campaigns/:id/results/publish', {
    schema: {
      operationId: 'publishResults',
      tags,
      summary: '公布推介结果：生成结果通知（DOCX/PDF）和名单（XLSX），入选者记入往届入选名单',
      params: uuidParam,
      body: PublishBody,
      response: { 200: PublishResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const published = await publishResults(context, actor, request.params.id, request.body);
      // After the commit: the public results page and index now show the notice.
      await context.publicPages.changed();
      return { ...published, notice: await getResultNotice(context, actor, request.params.id) };
    },
  });

  r.get('/api/campaigns/:id/results/notice', {
    schema: {
      operationId: 'getResultNotice',
      tags,
      summary: '推介结果通知（已公布）',
      params: uuidParam,
      response: { 200: ResultNotice },
    },
    handler: (request) => getResultNotice(context, requireActor(request), request.params.id),
  });

  r.get('/api/campaigns/:id/results/notice/:format', {
    schema: {
      operationId: 'downloadResultNotice',
      produces: [DOCX, PDF, XLSX],
      tags,
      summary: '下载推介结果通知（docx、pdf）或名单（xlsx）',
      params: NoticeFileParams,
    },
    handler: async (request, reply) => {
      const file = await openNoticeFile(
        context,
        requireActor(request),
        request.params.id,
        request.params.format,
      );
      return reply
        .header('content-type', file.type)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('cache-control', 'private, no-cache')
        .send(file.body);
    },
  });
}
