import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ListUnitPublicitiesQuery,
  UnitPublicityBody,
  UnitPublicityListResponse,
  UnitPublicityResponse,
  UpdateUnitPublicityBody,
  VersionQuery,
} from '#core/contract/publicity.ts';
import { PUBLICITY_FILE_MAX_BYTES } from '#core/publicity/file.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError } from '#server/platform/errors.ts';
import { JPEG, PDF, PNG } from '#server/platform/http/media-types.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { listUnitPublicities } from './list-unit-publicities.ts';
import { publicityFileContent, uploadPublicityFile } from './publicity-file.ts';
import { recordUnitPublicity } from './record-unit-publicity.ts';
import { deleteUnitPublicity, updateUnitPublicity } from './update-unit-publicity.ts';

const tags = ['本单位公示'];

export function publicityRoutes(app: FastifyInstance, context: AppContext) {
  const { db, clock, publicPages } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The record as the list presents it, after the change. */
  const presentOne = async (actor: Actor, campaignId: string, id: string) => {
    const { items } = await listUnitPublicities(db, actor, campaignId);
    const publicity = items.find((p) => p.id === id);
    if (!publicity) throw new AppError('NOT_FOUND', '公示记录不存在或您无权查看');
    return { publicity };
  };
  // Called after the service's transaction committed: the public site drops pages showing the old record.
  const afterChange = async (change: { published: boolean }) => {
    if (change.published) await publicPages.changed();
  };

  r.get('/api/campaigns/:id/unit-publicities', {
    schema: {
      operationId: 'listUnitPublicities',
      tags,
      summary: '报送单位的公示情况（报送单位：本单位；组织单位：各报送单位）',
      params: uuidParam,
      querystring: ListUnitPublicitiesQuery,
      response: { 200: UnitPublicityListResponse },
    },
    handler: async (request) =>
      listUnitPublicities(db, requireActor(request), request.params.id, request.query.unitId),
  });

  r.post('/api/campaigns/:id/unit-publicities', {
    schema: {
      operationId: 'recordUnitPublicity',
      tags,
      summary: '登记本单位对推介对象的公示（地点、网页链接、起止日期、公示的推介）',
      params: uuidParam,
      body: UnitPublicityBody,
      response: { 201: UnitPublicityResponse },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const recorded = await recordUnitPublicity(db, actor, request.params.id, request.body, clock.now());
      await afterChange(recorded);
      return reply.status(201).send(await presentOne(actor, request.params.id, recorded.id));
    },
  });

  r.put('/api/unit-publicities/:id', {
    schema: {
      operationId: 'updateUnitPublicity',
      tags,
      summary: '修改本单位的公示记录（须带读取时的版本号）',
      params: uuidParam,
      body: UpdateUnitPublicityBody,
      response: { 200: UnitPublicityResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const changed = await updateUnitPublicity(context, actor, request.params.id, request.body);
      await afterChange(changed);
      return presentOne(actor, changed.campaignId, request.params.id);
    },
  });

  r.delete('/api/unit-publicities/:id', {
    schema: {
      operationId: 'deleteUnitPublicity',
      tags,
      summary: '删除本单位的公示记录（须带读取时的版本号）',
      params: uuidParam,
      querystring: VersionQuery,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await afterChange(
        await deleteUnitPublicity(context, requireActor(request), request.params.id, request.query.version),
      );
      return reply.status(204).send(null);
    },
  });

  r.put('/api/unit-publicities/:id/file', {
    schema: {
      operationId: 'uploadUnitPublicityFile',
      tags,
      summary: '上传公示截图或 PDF（PDF、JPEG、PNG，不超过 10 MB；替换已上传的）',
      consumes: ['multipart/form-data'],
      params: uuidParam,
      querystring: VersionQuery.partial(),
      response: { 200: UnitPublicityResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以表单文件（multipart/form-data）上传公示材料');
      const uploaded = await uploadPublicityFile(
        context,
        actor,
        request.params.id,
        request.query.version,
        async () => {
          const part = await request.file({ limits: { fileSize: PUBLICITY_FILE_MAX_BYTES, files: 1 } });
          return part
            ? { fileName: part.filename, stream: part.file, truncated: () => part.file.truncated }
            : undefined;
        },
      );
      await afterChange(uploaded);
      return presentOne(actor, uploaded.campaignId, request.params.id);
    },
  });

  r.get('/api/unit-publicities/:id/file', {
    schema: {
      operationId: 'getUnitPublicityFile',
      produces: [PDF, JPEG, PNG],
      tags,
      summary: '公示截图或 PDF',
      params: uuidParam,
    },
    handler: async (request, reply) => {
      const content = await publicityFileContent(context, requireActor(request), request.params.id);
      reply.headers(content.headers);
      return reply.send(content.body);
    },
  });
}
