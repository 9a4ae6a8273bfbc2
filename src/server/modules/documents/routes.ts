import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CATEGORIES } from '#core/campaign/rules.ts';
import { attachmentDisposition } from '#core/documents/index.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { DOCX, PDF, XLSX } from '#server/platform/http/media-types.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { ORGANISER_TABLES, organiserTable } from './organiser-tables.ts';
import { packageRoutes } from './package-routes.ts';
import { type DocumentFile, nominationForm, registrationTable } from './service.ts';

const tags = ['推介文书'];
const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const RegistrationQuery = z.object({
  category: z.enum(CATEGORIES, '类别应为 star（百姓学习之星）或 project（终身学习品牌项目）'),
  unitId: z.uuid('报送单位编号格式不正确').optional(),
});

/** Personal data: never kept by a shared cache or the browser's. */
function send(reply: FastifyReply, type: keyof typeof TYPES, file: DocumentFile) {
  return reply
    .header('content-type', TYPES[type])
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('cache-control', 'no-store')
    .send(file.body);
}

export function documentRoutes(app: FastifyInstance, context: AppContext) {
  const { db } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  packageRoutes(app, context);

  r.get('/api/nominations/:id/form.docx', {
    schema: {
      operationId: 'downloadNominationForm',
      produces: [DOCX],
      tags,
      summary: '下载推介表（Word）',
      params: uuidParam,
    },
    handler: async (request, reply) =>
      send(reply, 'docx', await nominationForm(context, requireActor(request), request.params.id, 'docx')),
  });

  r.get('/api/nominations/:id/form.pdf', {
    schema: {
      operationId: 'downloadNominationFormPdf',
      produces: [PDF],
      tags,
      summary: '下载推介表（PDF，服务器须安装 LibreOffice）',
      params: uuidParam,
    },
    handler: async (request, reply) =>
      send(reply, 'pdf', await nominationForm(context, requireActor(request), request.params.id, 'pdf')),
  });

  r.get('/api/campaigns/:id/registration-table.xlsx', {
    schema: {
      operationId: 'downloadRegistrationTable',
      produces: [XLSX],
      tags,
      summary: '下载推介登记表（Excel）：报送单位下载本单位的，组织单位可指定单位或下载全部',
      params: uuidParam,
      querystring: RegistrationQuery,
    },
    handler: async (request, reply) =>
      send(
        reply,
        'xlsx',
        await registrationTable(db, requireActor(request), {
          campaignId: request.params.id,
          ...request.query,
        }),
      ),
  });

  r.get('/api/campaigns/:id/tables/:table', {
    schema: {
      operationId: 'downloadOrganiserTable',
      produces: [XLSX],
      tags,
      summary:
        '下载组织单位汇总表（Excel）：quota.xlsx 名额使用、findings.xlsx 待处理问题、results.xlsx 入选名单；全部推介列表见 /api/nominations/export',
      params: z.object({
        id: z.uuid('活动编号格式不正确'),
        table: z.enum(
          ORGANISER_TABLES.map((t) => `${t}.xlsx`) as [string, ...string[]],
          '汇总表应为 quota.xlsx、findings.xlsx 或 results.xlsx',
        ),
      }),
    },
    handler: async (request, reply) =>
      send(
        reply,
        'xlsx',
        await organiserTable(
          db,
          requireActor(request),
          request.params.id,
          request.params.table.replace(/\.xlsx$/, '') as (typeof ORGANISER_TABLES)[number],
          context.clock.now(),
        ),
      ),
  });
}
