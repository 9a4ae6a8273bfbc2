import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CATEGORIES } from '../../../core/campaign/rules.ts';
import { maskIdNumber } from '../../../core/identity/index.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { canManageWinners } from './rules.ts';
import { importWinners, listWinners } from './service.ts';
import { winnersTemplate } from './template.ts';

const tags = ['往届入选名单'];

const ListQuery = z.object({
  q: z.string().trim().max(64).optional(),
  category: z.enum(CATEGORIES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
const Winner = z.object({
  id: z.string(),
  year: z.number(),
  level: z.string(),
  category: z.string(),
  name: z.string(),
  provinceOrUnit: z.string().nullable(),
  workUnit: z.string().nullable(),
  idNumber: z.string().nullable().describe('脱敏显示'),
  creditCode: z.string().nullable(),
});

export function winnerRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/previous-winners', {
    schema: {
      operationId: 'listPreviousWinners',
      tags,
      summary: '往届入选名单',
      querystring: ListQuery,
      response: { 200: z.object({ items: z.array(Winner), total: z.number() }) },
    },
    handler: async (request) => {
      const { items, total } = await listWinners(db, requireActor(request), request.query);
      return {
        items: items.map((w) => ({
          id: w.id,
          year: w.year,
          level: w.level,
          category: w.category,
          name: w.name,
          provinceOrUnit: w.provinceOrUnit,
          workUnit: w.workUnit,
          idNumber: w.idNumber ? maskIdNumber(w.idNumber) : null,
          creditCode: w.creditCode,
        })),
        total,
      };
    },
  });

  r.get('/api/previous-winners/template', {
    schema: { operationId: 'downloadPreviousWinnersTemplate', tags, summary: '下载往届入选名单导入模板' },
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
      summary: '导入往届入选名单（.xlsx 或 .csv）',
      consumes: ['multipart/form-data'],
      response: { 200: z.object({ imported: z.number() }) },
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
      return importWinners(db, actor, { buffer: await file.toBuffer(), filename: file.filename });
    },
  });
}
