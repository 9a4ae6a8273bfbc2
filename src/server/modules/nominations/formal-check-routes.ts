/** 形式审查 routes: the organiser accepts, returns, moves and waives, one by one or in bulk. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BulkAcceptBody,
  BulkAcceptResponse,
  GenericTransitionBody,
  NextToCheckResponse,
  NominationResponse,
  ReviewBody,
} from '#core/contract/nominations.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { acceptWarning } from './accept-warning.ts';
import { acceptMany, nextToCheck } from './formal-check.ts';
import { nominationPresenting } from './presenting.ts';
import { transitionNomination } from './service.ts';

const tags = ['推介'];

export function formalCheckRoutes(app: FastifyInstance, context: AppContext) {
  const { db, clock } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { present } = nominationPresenting(context);

  r.post('/api/nominations/:id/review', {
    schema: {
      operationId: 'reviewNominationFormally',
      tags,
      summary: '形式审查：通过或退回修改',
      params: uuidParam,
      body: ReviewBody,
      response: { 200: NominationResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const to = request.body.decision === 'accept' ? 'accepted' : 'returned';
      return present(
        actor,
        await transitionNomination(db, actor, request.params.id, {
          to,
          reason: request.body.reason,
          now: clock.now(),
        }),
      );
    },
  });

  r.post('/api/nominations/:id/transitions', {
    schema: {
      operationId: 'transitionNomination',
      tags,
      summary: '按状态表变更推介状态（如列入拟推介名单）',
      params: uuidParam,
      body: GenericTransitionBody,
      response: { 200: NominationResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return present(
        actor,
        await transitionNomination(db, actor, request.params.id, { ...request.body, now: clock.now() }),
      );
    },
  });

  r.post('/api/nominations/:id/accepted-warnings', {
    schema: {
      operationId: 'acceptNominationWarning',
      tags,
      summary: '组织单位确认接受可豁免的提示（须说明理由）',
      params: uuidParam,
      body: z.object({
        code: z.string().min(1).max(64),
        reason: z.string().trim().min(2, '请说明接受的理由').max(500),
      }),
      response: { 200: NominationResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return present(actor, await acceptWarning(db, actor, request.params.id, request.body, clock.now()));
    },
  });

  r.get('/api/nominations/:id/next-to-check', {
    schema: {
      operationId: 'nextNominationToCheck',
      tags,
      summary: '形式审查：下一条待审查的推介',
      params: uuidParam,
      response: { 200: NextToCheckResponse },
    },
    handler: async (request) => nextToCheck(db, requireActor(request), request.params.id),
  });

  r.post('/api/campaigns/:id/formal-check/accept', {
    schema: {
      operationId: 'acceptNominationsFormally',
      tags,
      summary: '形式审查：批量通过（全部通过或全部不通过）',
      params: uuidParam,
      body: BulkAcceptBody,
      response: { 200: BulkAcceptResponse },
    },
    handler: async (request) => ({
      accepted: await acceptMany(
        db,
        requireActor(request),
        request.params.id,
        request.body.nominationIds,
        clock.now(),
      ),
    }),
  });
}
