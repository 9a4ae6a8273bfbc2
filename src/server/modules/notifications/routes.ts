import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotificationsResponse } from '#core/contract/notifications.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { uuidParam } from '#server/platform/http/schemas.ts';
import { listNotifications } from './list-notifications.ts';
import { markAllNotificationsRead, markNotificationRead } from './mark-read.ts';

const tags = ['消息通知'];

export function notificationRoutes(app: FastifyInstance, context: AppContext) {
  const { db } = context;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/notifications', {
    schema: {
      operationId: 'listNotifications',
      tags,
      summary: '本人的消息（最新的在前，最多 50 条）与未读条数',
      response: { 200: NotificationsResponse },
    },
    handler: async (request) => listNotifications(db, requireActor(request)),
  });

  r.post('/api/notifications/:id/read', {
    schema: {
      operationId: 'markNotificationRead',
      tags,
      summary: '将本人的一条消息标为已读',
      params: uuidParam,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await markNotificationRead(db, requireActor(request), request.params.id, context.clock.now());
      return reply.status(204).send(null);
    },
  });

  r.post('/api/notifications/read-all', {
    schema: {
      operationId: 'markAllNotificationsRead',
      tags,
      summary: '将本人的全部消息标为已读',
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await markAllNotificationsRead(db, requireActor(request), context.clock.now());
      return reply.status(204).send(null);
    },
  });
}
