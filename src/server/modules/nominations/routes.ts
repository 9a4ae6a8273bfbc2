import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { uuidParam } from '../../platform/http/schemas.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { presentNomination } from './presenter.ts';
import type { NominationRow } from './queries.ts';
import { markSpecial, orderRegistration } from './registration.ts';
import {
  CreateNominationBody,
  GenericTransitionBody,
  ListNominationsQuery,
  NominationListResponse,
  NominationResponse,
  OrderBody,
  ReviewBody,
  SpecialBody,
  TransitionBody,
  UpdateNominationBody,
} from './schema.ts';
import { createNomination, listVisibleNominations, transitionNomination, updateNomination, visibleNomination } from './service.ts';
import { nominationFindings } from './submission-checks.ts';

const tags = ['推介'];

export function nominationRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const present = async (actor: Actor, n: NominationRow) => {
    const campaign = await visibleCampaign(db, actor, n.campaignId);
    return { nomination: presentNomination(actor, n, campaign, await nominationFindings(db, n, campaign)) };
  };
  const presentList = async (actor: Actor, campaignId: string, rows: NominationRow[]) => {
    const campaign = await visibleCampaign(db, actor, campaignId);
    return { items: rows.map((n) => presentNomination(actor, n, campaign)) };
  };

  r.get('/api/nominations', {
    schema: { operationId: 'listNominations', tags, summary: '推介列表', querystring: ListNominationsQuery, response: { 200: NominationListResponse } },
    handler: async (request) => {
      const actor = requireActor(request);
      return presentList(actor, request.query.campaignId, await listVisibleNominations(db, actor, request.query));
    },
  });

  r.post('/api/nominations', {
    schema: { operationId: 'createNomination', tags, summary: '新建推介（草稿）', body: CreateNominationBody, response: { 201: NominationResponse } },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(await present(actor, await createNomination(db, actor, request.body)));
    },
  });

  r.put('/api/nominations/registration', {
    schema: { operationId: 'orderRegistrationTable', tags, summary: '编排推介登记表排序', body: OrderBody, response: { 200: NominationListResponse } },
    handler: async (request) => {
      const actor = requireActor(request);
      return presentList(actor, request.body.campaignId, await orderRegistration(db, actor, request.body));
    },
  });

  r.get('/api/nominations/:id', {
    schema: { operationId: 'getNomination', tags, summary: '推介详情（含检查结果）', params: uuidParam, response: { 200: NominationResponse } },
    handler: async (request) => {
      const actor = requireActor(request);
      return present(actor, await visibleNomination(db, actor, request.params.id));
    },
  });

  r.put('/api/nominations/:id', {
    schema: { operationId: 'updateNomination', tags, summary: '保存推介表（草稿）', params: uuidParam, body: UpdateNominationBody, response: { 200: NominationResponse } },
    handler: async (request) => {
      const actor = requireActor(request);
      return present(actor, await updateNomination(db, actor, request.params.id, request.body));
    },
  });

  const move = (operationId: string, summary: string, to: 'submitted' | 'withdrawn') =>
    r.post(`/api/nominations/:id/${to === 'submitted' ? 'submit' : 'withdraw'}`, {
      schema: { operationId, tags, summary, params: uuidParam, body: TransitionBody.nullish(), response: { 200: NominationResponse } },
      handler: async (request) => {
        const actor = requireActor(request);
        return present(actor, await transitionNomination(db, actor, request.params.id, { to, reason: request.body?.reason }));
      },
    });
  move('submitNomination', '提交推介', 'submitted');
  move('withdrawNomination', '撤回推介（截止前）', 'withdrawn');

  r.post('/api/nominations/:id/review', {
    schema: { operationId: 'reviewNominationFormally', tags, summary: '形式审查：通过或退回修改', params: uuidParam, body: ReviewBody, response: { 200: NominationResponse } },
    handler: async (request) => {
      const actor = requireActor(request);
      const to = request.body.decision === 'accept' ? 'accepted' : 'returned';
      return present(actor, await transitionNomination(db, actor, request.params.id, { to, reason: request.body.reason }));
    },
  });

  r.post('/api/nominations/:id/transitions', {
    schema: { operationId: 'transitionNomination', tags, summary: '按状态表变更推介状态（如列入拟推介名单）', params: uuidParam, body: GenericTransitionBody, response: { 200: NominationResponse } },
    handler: async (request) => {
      const actor = requireActor(request);
      return present(actor, await transitionNomination(db, actor, request.params.id, request.body));
    },
  });

  r.post('/api/nominations/:id/special', {
    schema: { operationId: 'markSpecialNomination', tags, summary: '标注或取消特别推介（排序备注）', params: uuidParam, body: SpecialBody, response: { 200: NominationResponse } },
    handler: async (request) => {
      const actor = requireActor(request);
      return present(actor, await markSpecial(db, actor, request.params.id, request.body.special));
    },
  });
}
