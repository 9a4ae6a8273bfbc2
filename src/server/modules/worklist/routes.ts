import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { WorklistResponse } from '#core/contract/worklist.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { worklist } from './service.ts';

export function worklistRoutes(app: FastifyInstance, { db, clock }: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/worklist', {
    schema: {
      operationId: 'getWorklist',
      tags: ['待办'],
      summary: '首页待办：按角色列出退回待修改、临近截止、延期、待形式审查、纸质材料等',
      response: { 200: WorklistResponse },
    },
    handler: async (request) => worklist(db, requireActor(request), clock.now()),
  });
}
