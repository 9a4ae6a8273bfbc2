import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { StatisticsQuery, StatisticsResponse, YearReportQuery } from '#core/contract/statistics.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { scopeHeading, statisticsWorkbook } from './export-workbook.ts';
import { getStatistics } from './get-statistics.ts';
import { buildYearReport } from './year-report.ts';

const tags = ['统计分析'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export function statisticsRoutes(app: FastifyInstance, context: AppContext) {
  const { db } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/statistics', {
    schema: {
      operationId: 'getStatistics',
      tags,
      summary: '本单位推介活动的统计分析（按年度、级别、省份筛选）',
      querystring: StatisticsQuery,
      response: { 200: StatisticsResponse },
    },
    handler: async (request) => getStatistics(db, requireActor(request), request.query),
  });

  r.get('/api/statistics/export', {
    schema: {
      operationId: 'exportStatistics',
      tags,
      summary: '导出统计表（Excel），每个图表一张表',
      querystring: StatisticsQuery,
    },
    handler: async (request, reply) => {
      const statistics = await getStatistics(db, requireActor(request), request.query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${scopeHeading(statistics)}推介工作统计.xlsx`))
        .send(await statisticsWorkbook(statistics));
    },
  });

  r.get('/api/statistics/year-report', {
    schema: {
      operationId: 'buildYearReport',
      tags,
      summary: '生成推介活动年度报告（docx 或 pdf）',
      querystring: YearReportQuery,
    },
    handler: async (request, reply) => {
      const report = await buildYearReport(context, requireActor(request), request.query);
      return reply
        .header('content-type', report.type)
        .header('content-disposition', attachment(report.fileName))
        .send(report.body);
    },
  });
}
