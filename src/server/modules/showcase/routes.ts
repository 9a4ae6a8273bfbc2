import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApproveStoryBody, StoriesList, StoryBody, StorySaved } from '#core/contract/showcase.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { approveStory } from './approve-story.ts';
import { listStories } from './list-stories.ts';
import { saveStory } from './save-story.ts';

const tags = ['优秀事迹展示'];

export function showcaseRoutes(app: FastifyInstance, context: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/campaigns/:id/showcase/stories', {
    schema: {
      operationId: 'listShowcaseStories',
      tags,
      summary: '已公布推介的入选者及其公开展示的事迹文字（组织单位）',
      params: uuidParam,
      response: { 200: StoriesList },
    },
    handler: (request) => listStories(context, requireActor(request), request.params.id),
  });

  r.put('/api/showcase/stories/:id', {
    schema: {
      operationId: 'saveShowcaseStory',
      tags,
      summary: '保存入选者公开展示的事迹文字（保存后待审核；不得含身份证号、电话、住址）',
      params: uuidParam,
      body: StoryBody,
      response: { 200: StorySaved },
    },
    handler: (request) => saveStory(context, requireActor(request), request.params.id, request.body),
  });

  r.post('/api/showcase/stories/:id/approval', {
    schema: {
      operationId: 'approveShowcaseStory',
      tags,
      summary: '审核通过事迹文字，在展示页面公开',
      params: uuidParam,
      body: ApproveStoryBody,
      response: { 200: StorySaved },
    },
    handler: (request) => approveStory(context, requireActor(request), request.params.id, request.body),
  });
}
