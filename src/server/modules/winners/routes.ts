import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CAMPAIGN_LEVELS, CATEGORIES } from '#core/campaign/rules.ts';
import { maskIdNumber } from '#core/identity/index.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import { uuidParam, version } from '#server/platform/http/schemas.ts';
import { deleteWinner } from './delete-winner.ts';
import type { WinnerRow } from './queries.ts';
import { canEditWinnerOf, canManageWinners } from './rules.ts';
import { importWinners, listWinners } from './service.ts';
import { winnersTemplate } from './template.ts';
import { updateWinner } from './update-winner.ts';

const tags = ['往届入选名单'];

const year = z.coerce.number().int('年度应为四位数字的年份').min(2000, '年度不能早于2000年').max(2100);

const ListQuery = z.object({
  q: z.string().trim().max(64).optional(),
  category: z.enum(CATEGORIES).optional(),
  level: z.enum(CAMPAIGN_LEVELS).optional(),
  year: year.optional(),
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
  organisationName: z.string().describe('登记单位'),
  version: z.number(),
  editable: z.boolean().describe('当前用户能否修改、删除'),
});
const text = (max: number) => z.string().trim().max(max).nullish();
const CorrectionBody = z.object({
  year: z.number().int(),
  level: z.string().trim().min(1, '请选择级别').max(20),
  category: z.string().trim().min(1, '请选择类别').max(40),
  name: z.string().trim().min(1, '请填写姓名或项目名称').max(100),
  provinceOrUnit: text(100),
  workUnit: text(200),
  idNumber: text(30).describe('不填写表示不修改；空字符串表示删除'),
  creditCode: text(30),
  version,
});

function present(actor: Actor, w: WinnerRow) {
  return {
    id: w.id,
    year: w.year,
    level: w.level,
    category: w.category,
    name: w.name,
    provinceOrUnit: w.provinceOrUnit,
    workUnit: w.workUnit,
    idNumber: w.idNumber ? maskIdNumber(w.idNumber) : null,
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
      querystring: ListQuery,
      response: { 200: z.object({ items: z.array(Winner), total: z.number() }) },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { items, total } = await listWinners(db, actor, request.query);
      return { items: items.map((w) => present(actor, w)), total };
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
      summary: '导入往届入选名单（.xlsx 或 .csv）；已有的记录更新而不重复',
      consumes: ['multipart/form-data'],
      querystring: z.object({ year: year.optional().describe('表格没有年度时，整份名单的年度') }),
      response: { 200: z.object({ imported: z.number(), updated: z.number(), unchanged: z.number() }) },
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
      response: { 200: z.object({ winner: Winner }) },
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
