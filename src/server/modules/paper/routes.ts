import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DispatchBody, PaperOverviewResponse, PaperUnitResponse, ReceiptBody } from '#core/contract/paper.ts';
import { SCAN_MAX_BYTES } from '#core/paper/scan.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError } from '#server/platform/errors.ts';
import { JPEG, PDF } from '#server/platform/http/media-types.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { paperOverview, paperUnit } from './paper-overview.ts';
import { scanContent, uploadScan } from './paper-scan.ts';
import { recordDispatch } from './record-dispatch.ts';
import { recordReceipt } from './record-receipt.ts';
import { PaperUnitParams } from './schema.ts';

const tags = ['纸质材料'];

export function paperRoutes(app: FastifyInstance, context: AppContext) {
  const { db } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/campaigns/:id/paper', {
    schema: {
      operationId: 'getPaperOverview',
      tags,
      summary: '纸质材料寄送与签收情况（组织单位：全部报送单位；报送单位：本单位）',
      params: uuidParam,
      response: { 200: PaperOverviewResponse },
    },
    handler: async (request) => paperOverview(db, requireActor(request), request.params.id),
  });

  r.put('/api/campaigns/:id/paper/:unitId/dispatch', {
    schema: {
      operationId: 'recordPaperDispatch',
      tags,
      summary: '报送单位登记（或更正、补寄）纸质材料的寄送',
      params: PaperUnitParams,
      body: DispatchBody,
      response: { 200: PaperUnitResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { id, unitId } = request.params;
      await recordDispatch(db, actor, id, unitId, request.body, context.clock.now());
      return { unit: await paperUnit(db, actor, id, unitId) };
    },
  });

  r.put('/api/campaigns/:id/paper/:unitId/receipt', {
    schema: {
      operationId: 'recordPaperReceipt',
      tags,
      summary: '组织单位登记（或更正）纸质材料的签收',
      params: PaperUnitParams,
      body: ReceiptBody,
      response: { 200: PaperUnitResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { id, unitId } = request.params;
      await recordReceipt(db, actor, id, unitId, request.body, context.clock.now());
      return { unit: await paperUnit(db, actor, id, unitId) };
    },
  });

  r.post('/api/campaigns/:id/paper/:unitId/scan', {
    schema: {
      operationId: 'uploadPaperScan',
      tags,
      summary: '上传盖章纸质材料的扫描件（PDF 或 JPEG，不超过 20 MB）',
      consumes: ['multipart/form-data'],
      params: PaperUnitParams,
      response: { 200: PaperUnitResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { id, unitId } = request.params;
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以表单文件（multipart/form-data）上传扫描件');
      await uploadScan(context, actor, id, unitId, async () => {
        const part = await request.file({ limits: { fileSize: SCAN_MAX_BYTES, files: 1 } });
        return part
          ? { fileName: part.filename, stream: part.file, truncated: () => part.file.truncated }
          : undefined;
      });
      return { unit: await paperUnit(db, actor, id, unitId) };
    },
  });

  r.get('/api/campaigns/:id/paper/:unitId/scan', {
    schema: {
      operationId: 'getPaperScan',
      produces: [PDF, JPEG],
      tags,
      summary: '盖章纸质材料的扫描件',
      params: PaperUnitParams,
    },
    handler: async (request, reply) => {
      const { id, unitId } = request.params;
      const content = await scanContent(context, requireActor(request), id, unitId);
      reply.headers(content.headers);
      return reply.send(content.body);
    },
  });
}
