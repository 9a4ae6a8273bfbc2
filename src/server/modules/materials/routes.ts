import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MaterialResponse, NominationMaterialsResponse, WaiveBody } from '#core/contract/materials.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { MATERIAL_TYPES } from '#server/platform/http/media-types.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { chooseMaterial } from './choose-material.ts';
import { deleteMaterial } from './delete-material.ts';
import { generateWorkSummary } from './generate-work-summary.ts';
import { listNominationMaterials } from './list-materials.ts';
import { materialContent } from './material-content.ts';
import { presentMaterial } from './presenter.ts';
import { mountUploads } from './tus-uploads.ts';
import { waiveMaterialFinding } from './waive-material.ts';

const tags = ['材料'];

export function materialRoutes(app: FastifyInstance, context: AppContext) {
  const { db } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();
  mountUploads(app, context);

  r.get('/api/nominations/:id/materials', {
    schema: {
      operationId: 'listNominationMaterials',
      tags,
      summary: '推介的材料：各项材料、文件、检查结果与提交前还缺什么',
      params: uuidParam,
      response: { 200: NominationMaterialsResponse },
    },
    handler: async (request) =>
      listNominationMaterials(db, requireActor(request), request.params.id, context.clock.now()),
  });

  r.get('/api/materials/:id/content', {
    schema: {
      operationId: 'getMaterialContent',
      produces: MATERIAL_TYPES,
      tags,
      summary: '材料原文件（支持断点续传与拖动播放）',
      params: uuidParam,
    },
    // A video player asks for many ranges while seeking; a reviewer's page plays several at once.
    config: { rateLimit: false },
    handler: async (request, reply) => {
      const content = await materialContent(
        context,
        requireActor(request),
        request.params.id,
        request.headers.range,
      );
      reply.status(content.status).headers(content.headers);
      return reply.send(content.body ?? '');
    },
  });

  r.delete('/api/materials/:id', {
    schema: { operationId: 'deleteMaterial', tags, summary: '删除材料', params: uuidParam },
    handler: async (request, reply) => {
      await deleteMaterial(context, requireActor(request), request.params.id, context.clock.now());
      return reply.status(204).send();
    },
  });

  r.post('/api/materials/:id/choose', {
    schema: {
      operationId: 'chooseMaterial',
      tags,
      summary: '选定提交原文件或转换后的文件',
      params: uuidParam,
      response: { 200: MaterialResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { material, subject } = await chooseMaterial(db, actor, request.params.id, context.clock.now());
      return { material: presentMaterial(actor, subject, material) };
    },
  });

  r.post('/api/nominations/:id/materials/work-summary', {
    schema: {
      operationId: 'generateWorkSummaryDocument',
      tags,
      summary: '根据推介表中填写的工作总结生成 Word 文档，放入“工作总结”材料',
      params: uuidParam,
      response: { 201: MaterialResponse },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const { material, subject } = await generateWorkSummary(context, actor, request.params.id);
      return reply.status(201).send({ material: presentMaterial(actor, subject, material) });
    },
  });

  r.post('/api/materials/:id/waive', {
    schema: {
      operationId: 'waiveMaterialFinding',
      tags,
      summary: '豁免材料检查发现的问题（组织单位）',
      params: uuidParam,
      body: WaiveBody,
      response: { 200: MaterialResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { material, subject } = await waiveMaterialFinding(
        db,
        actor,
        request.params.id,
        request.body,
        context.clock.now(),
      );
      return { material: presentMaterial(actor, subject, material) };
    },
  });
}
