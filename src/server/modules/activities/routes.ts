import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACTIVITY_PHOTO_MAX_BYTES } from '#core/activities/photo.ts';
import {
  ActivityBody,
  ActivityListResponse,
  ActivityResponse,
  ActivityVersionQuery,
  ActivityWinnersResponse,
  ListActivitiesQuery,
  UpdateActivityBody,
} from '#core/contract/activities.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError } from '#server/platform/errors.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { activityPhotoContent, removeActivityPhoto, uploadActivityPhoto } from './activity-photos.ts';
import { deleteActivity, updateActivity } from './change-activity.ts';
import { listActivities, listActivityWinners } from './list-activities.ts';
import { publicPhotoKey } from './public-activities.ts';
import { recordActivity } from './record-activity.ts';
import { visibleActivity } from './winner-context.ts';

const tags = ['宣传推介活动'];
const photoParams = z.object({ id: z.uuid('编号格式不正确'), photoId: z.uuid('照片编号格式不正确') });

export function activityRoutes(app: FastifyInstance, context: AppContext) {
  const { db, clock, storage, publicPages } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The activity as the list presents it, after the change. */
  const presentOne = async (actor: Actor, id: string) => {
    const { row } = await visibleActivity(db, actor, id);
    const { items } = await listActivities(db, actor, { nominationId: row.nominationId });
    const activity = items.find((a) => a.id === id);
    if (!activity) throw new AppError('NOT_FOUND', '宣传活动记录不存在或您无权查看');
    return { activity };
  };

  r.get('/api/activity-winners', {
    schema: {
      operationId: 'listActivityWinners',
      tags,
      summary: '可登记或查看宣传活动的已公布推介对象（本单位的、本级及下级组织的）',
      response: { 200: ActivityWinnersResponse },
    },
    handler: async (request) => listActivityWinners(db, requireActor(request)),
  });

  r.get('/api/activities', {
    schema: {
      operationId: 'listActivities',
      tags,
      summary: '宣传推介活动（五进）列表：按推介对象、活动、省份、月份筛选，并按省份汇总',
      querystring: ListActivitiesQuery,
      response: { 200: ActivityListResponse },
    },
    handler: async (request) => listActivities(db, requireActor(request), request.query),
  });

  r.post('/api/winners/:id/activities', {
    schema: {
      operationId: 'recordActivity',
      tags,
      summary: '为已公布的推介对象登记一次宣传推介活动（类别、形式、日期、地点、主办单位、参与人数、简报）',
      params: uuidParam,
      body: ActivityBody,
      response: { 201: ActivityResponse },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const { id } = await recordActivity(db, actor, request.params.id, request.body, clock.now());
      // The showcase pages of published winners list activities: the public site drops its cached copies.
      await publicPages.changed();
      return reply.status(201).send(await presentOne(actor, id));
    },
  });

  r.put('/api/activities/:id', {
    schema: {
      operationId: 'updateActivity',
      tags,
      summary: '修改宣传推介活动（登记人或组织单位；须带读取时的版本号）',
      params: uuidParam,
      body: UpdateActivityBody,
      response: { 200: ActivityResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      await updateActivity(context, actor, request.params.id, request.body, clock.now());
      await publicPages.changed();
      return presentOne(actor, request.params.id);
    },
  });

  r.delete('/api/activities/:id', {
    schema: {
      operationId: 'deleteActivity',
      tags,
      summary: '删除宣传推介活动及其照片（登记人或组织单位；须带读取时的版本号）',
      params: uuidParam,
      querystring: ActivityVersionQuery,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await deleteActivity(context, requireActor(request), request.params.id, request.query.version);
      await publicPages.changed();
      return reply.status(204).send(null);
    },
  });

  r.post('/api/activities/:id/photos', {
    schema: {
      operationId: 'uploadActivityPhoto',
      tags,
      summary: '上传一张活动照片（JPEG 或 PNG，不超过 10 MB，每次活动最多 9 张）',
      consumes: ['multipart/form-data'],
      params: uuidParam,
      response: { 201: ActivityResponse },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以表单文件（multipart/form-data）上传活动照片');
      await uploadActivityPhoto(context, actor, request.params.id, async () => {
        const part = await request.file({ limits: { fileSize: ACTIVITY_PHOTO_MAX_BYTES, files: 1 } });
        return part
          ? { fileName: part.filename, stream: part.file, truncated: () => part.file.truncated }
          : undefined;
      });
      await publicPages.changed();
      return reply.status(201).send(await presentOne(actor, request.params.id));
    },
  });

  r.delete('/api/activities/:id/photos/:photoId', {
    schema: {
      operationId: 'deleteActivityPhoto',
      tags,
      summary: '删除一张活动照片',
      params: photoParams,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await removeActivityPhoto(context, requireActor(request), request.params.id, request.params.photoId);
      await publicPages.changed();
      return reply.status(204).send(null);
    },
  });

  r.get('/api/activities/:id/photos/:photoId', {
    schema: { operationId: 'getActivityPhoto', tags, summary: '活动照片原图', params: photoParams },
    handler: async (request, reply) => {
      const content = await activityPhotoContent(
        context,
        requireActor(request),
        request.params.id,
        request.params.photoId,
      );
      reply.headers(content.headers);
      return reply.send(content.body);
    },
  });

  // The public copy (resized JPEG) of a published winner's activity photo, for the showcase: no login.
  r.get('/api/public/activity-photos/:photoId.jpg', {
    config: { access: 'public' },
    schema: {
      operationId: 'getPublicActivityPhoto',
      tags,
      summary: '已公布推介对象的活动照片（公开的缩小副本）',
      params: z.object({ photoId: z.uuid('照片编号格式不正确') }),
    },
    handler: async (request, reply) => {
      const key = await publicPhotoKey(db, request.params.photoId);
      const size = key ? await storage.size(key) : null;
      if (!key || size === null) throw new AppError('NOT_FOUND', '照片不存在或尚未公开');
      reply.headers({
        'content-type': 'image/jpeg',
        'content-length': String(size),
        'cache-control': 'public, max-age=3600',
      });
      return reply.send(await storage.read(key));
    },
  });
}
