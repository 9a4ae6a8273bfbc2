/**
 * Forwarding a province's selected nominations to the national round moves nominations and their files:
 * the nominations module does the former, the materials module the latter. This route joins the two, so
 * neither module imports the other's use case (decision 0010).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ForwardBody, ForwardResponse } from '#core/contract/nominations.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { forwardMaterials } from '../materials/forward-materials.ts';
import { forwardNominations } from '../nominations/forward-nominations.ts';

export function forwardingRoutes(app: FastifyInstance, context: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().post('/api/campaigns/:id/forward', {
    schema: {
      operationId: 'forwardNominations',
      tags: ['推介'],
      summary: '将入选推介报送上级活动',
      params: uuidParam,
      body: ForwardBody,
      response: {
        200: ForwardResponse,
      },
    },
    handler: async (request) => ({
      forwarded: await forwardNominations(
        context,
        requireActor(request),
        request.params.id,
        request.body.targetCampaignId,
        forwardMaterials,
      ),
    }),
  });
}
