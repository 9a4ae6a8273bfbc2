import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '#server/platform/context.ts';

const Component = z.object({ ok: z.boolean(), message: z.string().optional() });
const Health = z.object({ status: z.enum(['ok', 'degraded']), database: Component, storage: Component });

export function healthRoutes(app: FastifyInstance, { db, storage }: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { access: 'public', rateLimit: false },
    schema: {
      operationId: 'getHealth',
      tags: ['运行状态'],
      summary: '运行状态',
      response: { 200: Health, 503: Health },
    },
    handler: async (_request, reply) => {
      const database = await sql`SELECT 1`
        .execute(db)
        .then(() => ({ ok: true }))
        .catch((e: Error) => ({ ok: false, message: `数据库不可用：${e.message}` }));
      const files = await storage.check();
      const ok = database.ok && files.ok;
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, storage: files });
    },
  });
}
