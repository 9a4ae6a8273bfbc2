/** The preview image of a material and the request for a converted copy of a video. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MaterialResponse } from '#core/contract/materials.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { AppError } from '#server/platform/errors.ts';
import { JPEG } from '#server/platform/http/media-types.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { requestConversion } from './convert-material.ts';
import { presentMaterial } from './presenter.ts';
import { visibleMaterial } from './visible-material.ts';

const tags = ['材料'];

async function materialPreview({ db, storage }: AppContext, actor: Actor, id: string) {
  const { material } = await visibleMaterial(db, actor, id);
  const noPreview = () =>
    new AppError(
      'NOT_FOUND',
      material.state === 'pending' || material.state === 'converting'
        ? '预览图尚未生成：文件检查完成后自动生成，请稍后刷新。'
        : '该文件没有预览图（文档、无法读取的文件不生成预览图）。',
    );
  if (!material.previewKey) throw noPreview();
  return storage.read(material.previewKey).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw noPreview();
    throw e;
  });
}

export function previewAndConvertRoutes(app: FastifyInstance, context: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/materials/:id/preview', {
    schema: {
      operationId: 'getMaterialPreview',
      produces: [JPEG],
      tags,
      summary: '材料预览图（照片缩略图或视频封面，JPEG，最长边 480 像素）',
      params: uuidParam,
    },
    // A reviewer's page shows a thumbnail for every file of every nomination.
    config: { rateLimit: false },
    handler: async (request, reply) => {
      const body = await materialPreview(context, requireActor(request), request.params.id);
      // The preview of a material never changes (a conversion is a new material), but it is personal.
      return reply
        .header('content-type', 'image/jpeg')
        .header('cache-control', 'private, max-age=3600')
        .send(body);
    },
  });

  r.post('/api/materials/:id/convert', {
    schema: {
      operationId: 'convertMaterial',
      tags,
      summary: '把未通过检查的视频转换为要求的格式（H.264、活动要求的分辨率与帧率，保留声音），原视频保留',
      params: uuidParam,
      response: { 202: MaterialResponse },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const { material, subject } = await requestConversion(context, actor, request.params.id);
      return reply.status(202).send({ material: presentMaterial(actor, subject, material) });
    },
  });
}
