import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BulkAcceptBody,
  BulkAcceptResponse,
  CreateNominationBody,
  GenericTransitionBody,
  ListNominationsQuery,
  MissedDeadlineResponse,
  NextToCheckResponse,
  NominationListResponse,
  NominationResponse,
  OrderBody,
  QuotaDashboardResponse,
  RegistryCheckBody,
  RegistryFindingsResponse,
  ReviewBody,
  ReviewRequestBody,
  SpecialBody,
  TransitionBody,
  UpdateNominationBody,
} from '#core/contract/nominations.ts';
import { type Actor, hasRole } from '#server/platform/auth/actor.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { forbidden } from '#server/platform/errors.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { unitDeadline, unitDeadlines, visibleCampaign } from '../campaigns/service.ts';
import { publicityOfNomination } from '../publicity/nomination-publicity.ts';
import { acceptWarning } from './accept-warning.ts';
import { nominationsWorkbook } from './export-workbook.ts';
import { acceptMany, nextToCheck } from './formal-check.ts';
import { missedDeadline } from './missed-deadline.ts';
import { presentNomination } from './presenter.ts';
import type { NominationRow } from './queries.ts';
import { quotaDashboard } from './quota-dashboard.ts';
import { markSpecial, orderRegistration } from './registration.ts';
import { registryFindings } from './registry.ts';
import { requestReview } from './request-review.ts';
import { isOrganiserOf } from './rules.ts';
import {
  createNomination,
  listVisibleNominations,
  recordExport,
  recordIdentityView,
  transitionNomination,
  updateNomination,
  visibleNomination,
} from './service.ts';
import { listDetails, nominationFindings } from './submission-checks.ts';

const tags = ['推介'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function nominationRoutes(app: FastifyInstance, context: AppContext) {
  const { db, clock } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  // The moves offered are judged at the time of the answer, against the unit's deadline (its extension included).
  const timingOf = async (campaign: CampaignRow, n: NominationRow, now: Date) => ({
    deadline: await unitDeadline(db, campaign, n.unitId),
    now,
  });
  const present = async (actor: Actor, n: NominationRow) => {
    const now = clock.now();
    const campaign = await visibleCampaign(db, actor, n.campaignId);
    const findings = await nominationFindings(db, n, campaign, { reader: actor, now });
    const nomination = presentNomination(actor, n, campaign, await timingOf(campaign, n, now), findings);
    // The formal check shows the unit's own 公示 of the nominee (the organiser only).
    if (nomination.actions.includes('actAsOrganiser') && n.state !== 'draft')
      return { nomination: { ...nomination, publicity: await publicityOfNomination(db, campaign, n) } };
    return { nomination };
  };
  const presentList = async (actor: Actor, campaignId: string, rows: NominationRow[]) => {
    const campaign = await visibleCampaign(db, actor, campaignId);
    const deadlineOf = await unitDeadlines(db, campaign);
    const now = clock.now();
    return {
      items: rows.map((n) => ({
        ...presentNomination(actor, n, campaign, { deadline: deadlineOf(n.unitId), now }),
        ...listDetails(n, campaign, now),
      })),
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
      return presentList(
        actor,
        request.query.campaignId,
        await listVisibleNominations(db, actor, request.query),
      );
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
      const rows = await listVisibleNominations(db, actor, request.query);
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
      return presentList(
        actor,
        request.body.campaignId,
        await orderRegistration(db, actor, request.body, clock.now()),
      );
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
      const { nomination, campaign } = await updateNomination(
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
      const timing = await timingOf(campaign, nomination, now);
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
