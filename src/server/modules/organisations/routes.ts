import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateOrganisationBody,
  OrganisationListResponse,
  OrganisationResponse,
  UpdateOrganisationBody,
} from '#core/contract/organisations.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { presentOrganisation } from './presenter.ts';
import {
  createOrganisation,
  listOrganisations,
  setOrganisationDisabled,
  updateOrganisation,
} from './service.ts';

const tags = ['组织机构'];

export function organisationRoutes(app: FastifyInstance, { db, clock }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/organisations', {
    schema: {
      operationId: 'listOrganisations',
      tags,
      summary: '本单位及下级单位',
      response: { 200: OrganisationListResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return { items: (await listOrganisations(db, actor)).map((o) => presentOrganisation(actor, o)) };
    },
  });

  r.post('/api/organisations', {
    schema: {
      operationId: 'createOrganisation',
      tags,
      summary: '新增下级单位',
      body: CreateOrganisationBody,
      response: { 201: OrganisationResponse },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const org = await createOrganisation(db, actor, request.body);
      return reply.status(201).send({ organisation: presentOrganisation(actor, org) });
    },
  });

  r.patch('/api/organisations/:id', {
    schema: {
      operationId: 'updateOrganisation',
      tags,
      summary: '修改单位',
      params: uuidParam,
      body: UpdateOrganisationBody,
      response: { 200: OrganisationResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return {
        organisation: presentOrganisation(
          actor,
          await updateOrganisation(db, actor, request.params.id, request.body, clock.now()),
        ),
      };
    },
  });

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    r.post(`/api/organisations/:id/${verb}`, {
      schema: {
        operationId: `${verb}Organisation`,
        tags,
        summary: disabled ? '停用单位' : '启用单位',
        params: uuidParam,
        response: { 200: OrganisationResponse },
      },
      handler: async (request) => {
        const actor = requireActor(request);
        return {
          organisation: presentOrganisation(
            actor,
            await setOrganisationDisabled(db, actor, request.params.id, disabled, clock.now()),
          ),
        };
      },
    });
  }
}
