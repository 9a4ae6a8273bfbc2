import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listTemplates } from '#core/campaign/templates/index.ts';
import { organisationTypeLabel } from '#core/campaign/unit-types.ts';
import { CampaignMovePreviewQuery, CampaignMovePreviewResponse } from '#core/contract/announcements.ts';
import {
  AnnouncementPeriodQuery,
  AnnouncementPeriodResponse,
  CampaignDetail,
  CampaignListResponse,
  CampaignResponse,
  CreateCampaignBody,
  ExtensionsResponse,
  GrantExtensionBody,
  TemplateList,
  TransitionBody,
  UpdateRulesBody,
} from '#core/contract/campaigns.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { forbidden } from '#server/platform/errors.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { announcementPeriod } from './announcement-period.ts';
import { grantExtension } from './extensions.ts';
import { previewMove } from './move-preview.ts';
import { campaignPermissionFirst, mayCreateCampaignFirst } from './permission-first.ts';
import { presentCampaign } from './presenter.ts';
import { canCreateCampaign } from './rules.ts';
import { createCampaign, getCampaignDetail, listVisibleCampaigns, unitDeadline } from './service.ts';
import { transitionCampaign } from './transition-campaign.ts';
import { updateCampaignRules } from './update-rules.ts';

const tags = ['推介活动'];
const iso = (d: Date | string) => new Date(d).toISOString();

export function campaignRoutes(app: FastifyInstance, { db, jobs, clock }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const detail = async (
    actor: Parameters<typeof presentCampaign>[0] & Parameters<typeof getCampaignDetail>[1],
    id: string,
  ) => {
    const d = await getCampaignDetail(db, actor, id);
    return {
      campaign: presentCampaign(actor, d.campaign, {
        deadline: await unitDeadline(db, d.campaign, actor.organisationId),
        now: clock.now(),
      }),
      rules: d.campaign.rules,
      findings: d.findings,
      history: d.history.map((h) => ({
        rulesVersion: h.rulesVersion,
        changedAt: iso(h.changedAt),
        changedBy: h.changedByName,
        afterOpening: h.afterOpening,
        changes: h.changes as { path: string; message: string }[],
      })),
      extensions: d.extensions.map((e) => ({
        organisationId: e.organisationId,
        organisationName: e.organisationName,
        until: iso(e.until),
        reason: e.reason,
      })),
      reportingUnits: d.reportingUnits.map((u) => ({
        id: u.id,
        name: u.name,
        type: u.type,
        typeLabel: organisationTypeLabel(u.type),
      })),
    };
  };

  r.get('/api/campaign-templates', {
    schema: {
      operationId: 'listCampaignTemplates',
      tags,
      summary: '内置活动模板',
      response: { 200: TemplateList },
    },
    handler: async (request) => {
      if (!canCreateCampaign(requireActor(request))) throw forbidden();
      return { items: listTemplates() };
    },
  });

  r.get('/api/campaigns', {
    schema: {
      operationId: 'listCampaigns',
      tags,
      summary: '我能看到的推介活动',
      response: { 200: CampaignListResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return { items: (await listVisibleCampaigns(db, actor)).map((c) => presentCampaign(actor, c)) };
    },
  });

  r.post('/api/campaigns', {
    preValidation: mayCreateCampaignFirst,
    schema: {
      operationId: 'createCampaign',
      tags,
      summary: '从模板或往年活动发起推介活动',
      body: CreateCampaignBody,
      response: { 201: CampaignResponse },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const campaign = await createCampaign(db, actor, request.body);
      return reply.status(201).send({ campaign: presentCampaign(actor, campaign) });
    },
  });

  r.get('/api/campaigns/:id', {
    schema: {
      operationId: 'getCampaign',
      tags,
      summary: '推介活动详情与规则',
      params: uuidParam,
      response: { 200: CampaignDetail },
    },
    handler: async (request) => detail(requireActor(request), request.params.id),
  });

  r.put('/api/campaigns/:id/rules', {
    preValidation: campaignPermissionFirst(db, 'editRules'),
    schema: {
      operationId: 'updateCampaignRules',
      tags,
      summary: '修改活动规则',
      params: uuidParam,
      body: UpdateRulesBody,
      response: { 200: CampaignDetail },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      await updateCampaignRules(db, actor, request.params.id, request.body, jobs, clock.now());
      return detail(actor, request.params.id);
    },
  });

  r.post('/api/campaigns/:id/transitions', {
    preValidation: campaignPermissionFirst(db, 'transition'),
    schema: {
      operationId: 'transitionCampaign',
      tags,
      summary: '变更活动状态',
      params: uuidParam,
      body: TransitionBody,
      response: { 200: CampaignResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return {
        campaign: presentCampaign(
          actor,
          await transitionCampaign(db, actor, request.params.id, request.body.to, jobs, clock.now()),
        ),
      };
    },
  });

  r.get('/api/campaigns/:id/transitions/preview', {
    schema: {
      operationId: 'previewCampaignMove',
      tags,
      summary: '变更活动状态前：将会发生什么（数量与日期）',
      params: uuidParam,
      querystring: CampaignMovePreviewQuery,
      response: { 200: CampaignMovePreviewResponse },
    },
    handler: async (request) =>
      previewMove(db, requireActor(request), request.params.id, request.query.to, clock.now()),
  });

  r.get('/api/campaigns/:id/announcement-period', {
    schema: {
      operationId: 'computeAnnouncementPeriod',
      tags,
      summary: '按本活动的公示规则和组织方日历计算公示期',
      params: uuidParam,
      querystring: AnnouncementPeriodQuery,
      response: { 200: AnnouncementPeriodResponse },
    },
    handler: async (request) =>
      announcementPeriod(db, requireActor(request), request.params.id, request.query.from),
  });

  r.post('/api/campaigns/:id/extensions', {
    preValidation: campaignPermissionFirst(db, 'grantExtension'),
    schema: {
      operationId: 'grantCampaignExtension',
      tags,
      summary: '为报送单位延期',
      params: uuidParam,
      body: GrantExtensionBody,
      response: { 200: ExtensionsResponse },
    },
    handler: async (request) => {
      const extensions = await grantExtension(
        db,
        requireActor(request),
        request.params.id,
        request.body,
        jobs,
      );
      return {
        extensions: extensions.map((e) => ({
          organisationId: e.organisationId,
          organisationName: e.organisationName,
          until: iso(e.until),
          reason: e.reason,
        })),
      };
    },
  });
}
