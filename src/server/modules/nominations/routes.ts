import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { uuidParam } from '../../platform/http/schemas.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { presentNomination } from './presenter.ts';
import type { NominationRow } from './queries.ts';
import {
  CreateNominationBody,
  ListNominationsQuery,
  NominationListResponse,
  NominationResponse,
  ReviewBody,
  TransitionBody,
  UpdateNominationBody,
} from './schema.ts';
import {
  createNomination,
  listVisibleNominations,
  transitionNomination,
  updateNomination,
  visibleNomination,
} from './service.ts';
import { nominationFindings } from './submission-checks.ts';
import { submitNomination } from './submit-nomination.ts';

const tags = ['推介'];

export function nominationRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const present = async (actor: Actor, n: NominationRow) => {
    const campaign = await visibleCampaign(db, actor, n.campaignId);
    return {
      nomination: presentNomination(actor, n, campaign.status, await nominationFindings(db, n, campaign)),
    };
  };

  r.get('/api/nominations', {
    schema: {
      operationId: 'listNominations',
      tags,
      summary: '推介列表',
      querystring: ListNominationsQuery,
      response: { 200: NominationListResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const campaign = await visibleCampaign(db, actor, request.query.campaignId);
      const items = await listVisibleNominations(db, actor, request.query);
      return { items: items.map((n) => presentNomination(actor, n, campaign.status)) };
    },
  });

  r.post('/api/nominations', {
    schema: {
      operationId: 'createNomination',
      tags,
      summary: '新建推介（草稿）',
      body: CreateNominationBody,
      response: { 201: NominationResponse },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(await present(actor, await createNomination(db, actor, request.body)));
    },
  });

  r.get('/api/nominations/:id', {
    schema: {
      operationId: 'getNomination',
      tags,
      summary: '推介详情（含检查结果）',
      params: uuidParam,
      response: { 200: NominationResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return present(actor, await visibleNomination(db, actor, request.params.id));
    },
  });

  r.put('/api/nominations/:id', {
    schema: {
      operationId: 'updateNomination',
      tags,
      summary: '保存推介表（草稿）',
      params: uuidParam,
      body: UpdateNominationBody,
      response: { 200: NominationResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return present(actor, await updateNomination(db, actor, request.params.id, request.body));
    },
  });

  r.post('/api/nominations/:id/submit', {
    schema: {
      operationId: 'submitNomination',
      tags,
      summary: '提交推介',
      params: uuidParam,
      response: { 200: NominationResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return present(actor, await submitNomination(db, actor, request.params.id));
    },
  });

  r.post('/api/nominations/:id/withdraw', {
    schema: {
      operationId: 'withdrawNomination',
      tags,
      summary: '撤回推介（截止前）',
      params: uuidParam,
      body: TransitionBody,
      response: { 200: NominationResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return present(
        actor,
        await transitionNomination(db, actor, request.params.id, {
          to: 'withdrawn',
          reason: request.body.reason,
        }),
      );
    },
  });

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
        await transitionNomination(db, actor, request.params.id, { to, reason: request.body.reason }),
      );
    },
  });
}
