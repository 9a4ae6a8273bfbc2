import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CorrectionBody,
  ImportWinnersQuery,
  ImportWinnersResponse,
  ListWinnersQuery,
  WinnerListResponse,
  WinnerResponse,
} from '#core/contract/winners.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import { XLSX } from '#server/platform/http/media-types.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { maskOfColumn } from '#server/platform/personal-data/sealed-column.ts';
import { deleteWinner } from './delete-winner.ts';
import type { WinnerRow } from './queries.ts';
import { canEditWinnerOf, canManageWinners } from './rules.ts';
import { importWinners, listWinners } from './service.ts';
import { winnersTemplate } from './template.ts';
import { updateWinner } from './update-winner.ts';

const tags = ['往届入选名单'];

function present(actor: Actor, w: WinnerRow) {
  return {
    id: w.id,
    year: w.year,
    level: w.level,
    category: w.category,
    name: w.name,
    provinceOrUnit: w.provinceOrUnit,
    workUnit: w.workUnit,
    idNumber: maskOfColumn(w.idNumberSealed),
    creditCode: w.creditCode,
    organisationName: w.organisationName,
    version: w.version,
    editable: canEditWinnerOf(actor, w.organisationPath),
  };
}

export function winnerRoutes(app: FastifyInstance, { db, clock }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/previous-winners', {
    schema: {
      operationId: 'listPreviousWinners',
      tags,
      summary: '往届入选名单（本单位、下级和上级登记的记录）',
      querystring: ListWinnersQuery,
      response: { 200: WinnerListResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { items, total } = await listWinners(db, actor, request.query);
      return { items: items.map((w) => present(actor, w)), total };
    },
  });

  r.get('/api/previous-winners/template', {
    schema: {
      operationId: 'downloadPreviousWinnersTemplate',
      produces: [XLSX],
      tags,
      summary: '下载往届入选名单导入模板',
    },
    handler: async (request, reply) => {
      if (!canManageWinners(requireActor(request))) throw forbidden();
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent('往届入选名单导入模板.xlsx')}`,
      );
      return reply.send(await winnersTemplate());
    },
  });

  r.post('/api/previous-winners/import', {
    schema: {
      operationId: 'importPreviousWinners',
      tags,
      summary: '导入往届入选名单（.xlsx 或 .csv）；已有的记录更新而不重复',
      consumes: ['multipart/form-data'],
      querystring: ImportWinnersQuery,
      response: { 200: ImportWinnersResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      if (!request.isMultipart())
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          '请以表单文件（multipart/form-data）上传 .xlsx 或 .csv 文件',
        );
      const file = await request.file();
      if (!file) throw new AppError('IMPORT_INVALID', '请选择要上传的文件', { errors: [] });
      return importWinners(
        db,
        actor,
        { buffer: await file.toBuffer(), filename: file.filename },
        { year: request.query.year, now: clock.now() },
      );
    },
  });

  r.put('/api/previous-winners/:id', {
    schema: {
      operationId: 'correctPreviousWinner',
      tags,
      summary: '更正一条往届入选记录',
      params: uuidParam,
      body: CorrectionBody,
      response: { 200: WinnerResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return {
        winner: present(actor, await updateWinner(db, actor, request.params.id, request.body, clock.now())),
      };
    },
  });

  r.delete('/api/previous-winners/:id', {
    schema: { operationId: 'deletePreviousWinner', tags, summary: '删除一条往届入选记录', params: uuidParam },
    handler: async (request, reply) => {
      await deleteWinner(db, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  });
}
