import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateNominationBody,
  ListNominationsQuery,
  MissedDeadlineResponse,
  NominationListResponse,
  NominationResponse,
  OrderBody,
  QuotaDashboardResponse,
  RegistryCheckBody,
  RegistryFindingsResponse,
  ReviewRequestBody,
  SpecialBody,
  TransitionBody,
  UpdateNominationBody,
} from '#core/contract/nominations.ts';
import { hasRole } from '#server/platform/auth/actor.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { forbidden } from '#server/platform/errors.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { nominationsWorkbook } from './export-workbook.ts';
import { missedDeadline } from './missed-deadline.ts';
import { presentNomination } from './presenter.ts';
import { nominationPresenting } from './presenting.ts';
import { quotaDashboard } from './quota-dashboard.ts';
import { markSpecial, orderRegistration } from './registration.ts';
import { registryFindings } from './registry.ts';
import { requestReview } from './request-review.ts';
import { isOrganiserOf } from './rules.ts';
import {
  createNomination,
  listVisibleNominations,
  listVisibleSummaries,
  recordExport,
  recordIdentityView,
  transitionNomination,
  updateNomination,
  visibleNomination,
} from './service.ts';
import { nominationFindings } from './submission-checks.ts';

const tags = ['推介'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function nominationRoutes(app: FastifyInstance, context: AppContext) {
  const { db, clock } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  const { present, presentList } = nominationPresenting(context);

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
      return presentList(actor, campaign, await listVisibleSummaries(db, actor, campaign, request.query));
    },
  });

  r.get('/api/nominations/export', {
    schema: {
      operationId: 'exportNominations',
      produces: [XLSX],
      tags,
      summary: '导出推介列表（Excel）',
      querystring: ListNominationsQuery,
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const campaign = await visibleCampaign(db, actor, request.query.campaignId);
      // Supervision reads on screen only: an export carries personal data out (decision 0015).
      if (!isOrganiserOf(actor, campaign) && !hasRole(actor, 'unit_submitter'))
        throw forbidden('上级单位只能在平台上查看本活动，不能导出推介列表；如需名单，请联系组织单位。');
      const rows = await listVisibleNominations(db, actor, campaign, request.query);
      await recordExport(db, actor, campaign, rows.length);
      reply.header('content-type', XLSX);
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`${campaign.title}-推介列表.xlsx`)}`,
      );
      return reply.send(await nominationsWorkbook(campaign.title, rows, campaign.rules));
    },
  });

  r.get('/api/campaigns/:id/quota-dashboard', {
    schema: {
      operationId: 'getQuotaDashboard',
      tags,
      summary: '各报送单位名额使用情况',
      params: uuidParam,
      response: { 200: QuotaDashboardResponse },
    },
    handler: async (request) => ({
      units: await quotaDashboard(db, requireActor(request), request.params.id),
    }),
  });

  r.get('/api/campaigns/:id/missed-deadline', {
    schema: {
      operationId: 'getMissedDeadline',
      tags,
      summary: '逾期未提交的报送单位（视为自动放弃）',
      params: uuidParam,
      response: { 200: MissedDeadlineResponse },
    },
    handler: async (request) => ({
      units: await missedDeadline(db, requireActor(request), request.params.id, clock.now()),
    }),
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
      return reply
        .status(201)
        .send(await present(actor, await createNomination(db, actor, request.body, clock.now())));
    },
  });

  r.put('/api/nominations/registration', {
    schema: {
      operationId: 'orderRegistrationTable',
      tags,
      summary: '编排推介登记表排序',
      body: OrderBody,
      response: { 200: NominationListResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { campaign, rows } = await orderRegistration(db, actor, request.body, clock.now());
      return presentList(actor, campaign, rows);
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
      const nomination = await visibleNomination(db, actor, request.params.id);
      await recordIdentityView(db, actor, nomination);
      return present(actor, nomination);
    },
  });

  r.put('/api/nominations/:id', {
    config: {
      errors: ['NOMINATION_NOT_EDITABLE', 'CAMPAIGN_NOT_OPEN', 'DEADLINE_PASSED', 'STALE_VERSION'],
    },
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
      const now = clock.now();
      const { nomination, campaign, timing } = await updateNomination(
        db,
        actor,
        request.params.id,
        request.body,
        now,
      );
      const findings = await nominationFindings(db, nomination, campaign, {
        duplicates: false,
        reader: actor,
        now,
      });
      return { nomination: presentNomination(actor, nomination, campaign, timing, findings) };
    },
  });

  r.post('/api/nominations/:id/registry-findings', {
    schema: {
      operationId: 'checkNominationAgainstRegistry',
      tags,
      summary: '填写中查重：与往届入选名单和其他推介比对（不保存）',
      params: uuidParam,
      body: RegistryCheckBody,
      response: { 200: RegistryFindingsResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const n = await visibleNomination(db, actor, request.params.id);
      const campaign = await visibleCampaign(db, actor, n.campaignId);
      // Only the fields the registry compares are taken from the screen; the rest is the saved form.
      const form = { ...n.form, ...request.body.form };
      return { findings: await registryFindings(db, n, campaign, actor, clock.now(), form) };
    },
  });

  const move = (operationId: string, summary: string, to: 'submitted' | 'withdrawn') =>
    r.post(`/api/nominations/:id/${to === 'submitted' ? 'submit' : 'withdraw'}`, {
      schema: {
        operationId,
        tags,
        summary,
        params: uuidParam,
        body: TransitionBody.nullish(),
        response: { 200: NominationResponse },
      },
      handler: async (request) => {
        const actor = requireActor(request);
        return present(
          actor,
          await transitionNomination(db, actor, request.params.id, {
            to,
            reason: request.body?.reason,
            now: clock.now(),
          }),
        );
      },
    });
  move('submitNomination', '提交推介', 'submitted');
  move('withdrawNomination', '撤回推介（截止前）', 'withdrawn');

  r.post('/api/nominations/:id/review-request', {
    schema: {
      operationId: 'requestNominationReview',
      tags,
      summary: '请组织单位查看草稿（如需豁免材料问题），或取消',
      params: uuidParam,
      body: ReviewRequestBody,
      response: { 200: NominationResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return present(
        actor,
        await requestReview(db, actor, request.params.id, request.body.requested, clock.now()),
      );
    },
  });

  r.post('/api/nominations/:id/special', {
    schema: {
      operationId: 'markSpecialNomination',
      tags,
      summary: '标注或取消特别推介（排序备注）',
      params: uuidParam,
      body: SpecialBody,
      response: { 200: NominationResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return present(
        actor,
        await markSpecial(db, actor, request.params.id, request.body.special, clock.now()),
      );
    },
  });
}
