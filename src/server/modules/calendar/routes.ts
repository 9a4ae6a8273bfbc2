import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CalendarYearResponse,
  ConfirmYearBody,
  OverrideBody,
  OverrideResponse,
  PeriodQuery,
  PeriodResponse,
} from '#core/contract/calendar.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { CalendarYearQuery, YearParam } from './schema.ts';
import { addOverride, getCalendarYear, removeOverride, setYearConfirmed, workingPeriod } from './service.ts';

const tags = ['工作日历'];

export function calendarRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/calendar', {
    schema: {
      operationId: 'getCalendarYear',
      tags,
      summary: '本单位某年的工作日历设置',
      querystring: CalendarYearQuery,
      response: { 200: CalendarYearResponse },
    },
    handler: async (request) => getCalendarYear(db, requireActor(request), request.query.year),
  });

  r.get('/api/calendar/period', {
    schema: {
      operationId: 'computeWorkingPeriod',
      tags,
      summary: '按工作日计算期限',
      querystring: PeriodQuery,
      response: { 200: PeriodResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { from, workdays, countStart } = request.query;
      return workingPeriod(db, actor.organisationId, from, workdays, countStart);
    },
  });

  r.post('/api/calendar/overrides', {
    schema: {
      operationId: 'addCalendarOverride',
      tags,
      summary: '添加放假或调休上班日',
      body: OverrideBody,
      response: { 201: OverrideResponse },
    },
    handler: async (request, reply) =>
      reply.status(201).send({ override: await addOverride(db, requireActor(request), request.body) }),
  });

  r.delete('/api/calendar/overrides/:id', {
    schema: {
      operationId: 'removeCalendarOverride',
      tags,
      summary: '删除日历调整',
      params: uuidParam,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await removeOverride(db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  r.post('/api/calendar/confirmed-years', {
    schema: {
      operationId: 'confirmCalendarYear',
      tags,
      summary: '确认某年的工作日安排',
      body: ConfirmYearBody,
      response: { 201: z.null() },
    },
    handler: async (request, reply) => {
      await setYearConfirmed(db, requireActor(request), request.body.year, true);
      return reply.status(201).send(null);
    },
  });

  r.delete('/api/calendar/confirmed-years/:year', {
    schema: {
      operationId: 'unconfirmCalendarYear',
      tags,
      summary: '取消确认某年',
      params: YearParam,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await setYearConfirmed(db, requireActor(request), request.params.year, false);
      return reply.status(204).send(null);
    },
  });
}
