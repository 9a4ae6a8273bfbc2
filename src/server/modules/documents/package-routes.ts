/**
 * Submission package routes: request (a background job builds it), poll, list, download with resume.
 * Responses carry the package bare: `{ id, state, done, total, bytes, sha256, error, downloadUrl, … }`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ExportPackage, PackageListResponse, RequestPackageBody } from '#core/contract/packages.ts';
import { attachmentDisposition } from '#core/documents/index.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { ZIP } from '#server/platform/http/media-types.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import {
  downloadPackage,
  listVisiblePackages,
  presentPackage,
  requestPackage,
  visiblePackage,
} from './package-service.ts';

const tags = ['推介文书'];

export function packageRoutes(app: FastifyInstance, { db, storage, jobs }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/campaigns/:id/packages', {
    schema: {
      operationId: 'requestPackage',
      tags,
      summary: '生成提交包（ZIP）：报送单位生成本单位的；组织单位可指定单位，或不指定生成全部',
      params: uuidParam,
      body: RequestPackageBody.optional(),
      response: { 202: ExportPackage },
    },
    handler: async (request, reply) => {
      const p = await requestPackage(db, jobs, requireActor(request), {
        campaignId: request.params.id,
        ...(request.body?.unitId ? { unitId: request.body.unitId } : {}),
      });
      return reply.status(202).send(presentPackage(p));
    },
  });

  r.get('/api/campaigns/:id/packages', {
    schema: {
      operationId: 'listPackages',
      tags,
      summary: '本活动最近生成的提交包（报送单位只看到本单位的）',
      params: uuidParam,
      response: { 200: PackageListResponse },
    },
    handler: async (request) => ({
      items: (await listVisiblePackages(db, requireActor(request), request.params.id)).map(presentPackage),
    }),
  });

  r.get('/api/packages/:id', {
    schema: {
      operationId: 'getPackage',
      tags,
      summary: '提交包的生成进度',
      params: uuidParam,
      response: { 200: ExportPackage },
    },
    handler: async (request) =>
      presentPackage(await visiblePackage(db, requireActor(request), request.params.id)),
  });

  r.get('/api/packages/:id/download', {
    schema: {
      operationId: 'downloadPackage',
      produces: [ZIP],
      tags,
      summary: '下载提交包（支持断点续传：Range 请求）',
      params: uuidParam,
    },
    handler: async (request, reply) => {
      const answer = await downloadPackage(db, storage, requireActor(request), request.params.id, {
        range: request.headers.range,
        ifRange: [request.headers['if-range']].flat()[0],
      });
      reply.header('accept-ranges', 'bytes').header('cache-control', 'no-store');
      if (answer.kind === 'unsatisfiable') {
        return reply
          .status(416)
          .header('content-range', `bytes */${answer.size}`)
          .send({
            code: 'RANGE_NOT_SATISFIABLE',
            message: `请求的范围超出文件大小（${answer.size} 字节），请重新下载整个文件。`,
          });
      }
      reply
        .header('content-type', 'application/zip')
        .header('content-disposition', attachmentDisposition(answer.fileName))
        .header('etag', answer.etag);
      if (answer.range) {
        const { start, end } = answer.range;
        reply
          .status(206)
          .header('content-range', `bytes ${start}-${end}/${answer.size}`)
          .header('content-length', end - start + 1);
      } else {
        reply.header('content-length', answer.size);
      }
      return reply.send(answer.body);
    },
  });
}
