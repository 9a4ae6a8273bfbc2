/** 公示, the organiser's routes: draft from the shortlist, edit, preview, schedule, open, restart. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  AnnouncementPeriodQuery,
  AnnouncementPeriodResponse,
  AnnouncementResponse,
  CampaignParams,
  MaybeAnnouncementResponse,
  OpenAnnouncementBody,
  RestartAnnouncementBody,
  ScheduleAnnouncementBody,
  UpdateAnnouncementBody,
  WithdrawAnnouncementBody,
} from '#core/contract/announcements.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import type { Db } from '#server/platform/db/database.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import { managedCampaign } from './access.ts';
import { createAnnouncement } from './create-announcement.ts';
import { getAnnouncement, presentedAnnouncement } from './get-announcement.ts';
import { openAnnouncement } from './open-announcement.ts';
import { computePeriod, periodRules } from './period.ts';
import type { AnnouncementRow } from './queries.ts';
import { restartAnnouncement } from './restart-announcement.ts';
import { scheduleAnnouncement, withdrawAnnouncement } from './schedule-announcement.ts';
import { updateAnnouncement } from './update-announcement.ts';

const tags = ['公示'];
const base = '/api/campaigns/:campaignId/announcement';

export function announcementRoutes(app: FastifyInstance, context: AppContext) {
  const { db, jobs, clock, publicPages } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  const view = async (actor: Actor, campaignId: string, row: AnnouncementRow) => {
    const campaign = await db.transaction().execute((trx) => managedCampaign(trx, actor, campaignId));
    return { announcement: await presentedAnnouncement(db, actor, campaign, row, clock.now()) };
  };

  r.get(base, {
    schema: {
      operationId: 'getAnnouncement',
      tags,
      summary: '本活动的公示（与公众看到的内容一致）',
      params: CampaignParams,
      response: { 200: MaybeAnnouncementResponse },
    },
    handler: async (request) =>
      getAnnouncement(db, requireActor(request), request.params.campaignId, clock.now()),
  });

  r.post(base, {
    schema: {
      operationId: 'createAnnouncement',
      tags,
      summary: '从已确认的拟推介名单起草公示',
      params: CampaignParams,
      response: { 201: AnnouncementResponse },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const row = await createAnnouncement(db, actor, request.params.campaignId);
      return reply.status(201).send(await view(actor, request.params.campaignId, row));
    },
  });

  r.patch(base, {
    schema: {
      operationId: 'updateAnnouncement',
      tags,
      summary: '修改公示标题、说明、异议受理方式和发布单位',
      params: CampaignParams,
      body: UpdateAnnouncementBody,
      response: { 200: AnnouncementResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const row = await updateAnnouncement(db, actor, request.params.campaignId, request.body, clock.now());
      return view(actor, request.params.campaignId, row);
    },
  });

  r.get(`${base}/period`, {
    schema: {
      operationId: 'computeAnnouncementEnd',
      tags,
      summary: '按所选开始日期计算公示期（含节假日和调休说明）',
      params: CampaignParams,
      querystring: AnnouncementPeriodQuery,
      response: { 200: AnnouncementPeriodResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const campaign = await db
        .transaction()
        .execute((trx) => managedCampaign(trx, actor, request.params.campaignId));
      const { workingDays, countStart } = periodRules(campaign.rules);
      return {
        period: await computePeriod(db, campaign.organiserId, request.query.from, workingDays, countStart),
      };
    },
  });

  /** A move of the announcement: its body, the use case, then the page again; the public pages are stale. */
  const move = <B extends z.ZodType<{ version: number }>>(
    path: string,
    operationId: string,
    summary: string,
    body: B,
    run: (
      db: Db,
      actor: Actor,
      campaignId: string,
      input: z.output<B>,
      jobs: Jobs,
      now: Date,
    ) => Promise<AnnouncementRow>,
  ) =>
    r.post(`${base}/${path}`, {
      schema: {
        operationId,
        tags,
        summary,
        params: CampaignParams,
        body,
        response: { 200: AnnouncementResponse },
      },
      handler: async (request) => {
        const actor = requireActor(request);
        const { campaignId } = request.params;
        const row = await run(db, actor, campaignId, request.body as z.output<B>, jobs, clock.now());
        await publicPages.changed();
        return view(actor, campaignId, row);
      },
    });

  move(
    'schedule',
    'scheduleAnnouncement',
    '确认发布：选定开始日期，按工作日计算结束日期',
    ScheduleAnnouncementBody,
    scheduleAnnouncement,
  );
  move(
    'withdraw',
    'withdrawAnnouncement',
    '撤回修改：待公示的公示退回草稿',
    WithdrawAnnouncementBody,
    withdrawAnnouncement,
  );
  move(
    'open',
    'openAnnouncement',
    '开始公示（开始日期当天或以后）；活动进入公示中',
    OpenAnnouncementBody,
    openAnnouncement,
  );
  move(
    'restart',
    'restartAnnouncement',
    '重新公示：填写原因，选定新的开始日期',
    RestartAnnouncementBody,
    restartAnnouncement,
  );
}
