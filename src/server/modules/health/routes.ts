import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '#server/platform/context.ts';
import { readMigrations } from '#server/platform/db/migrate.ts';
import { isStopping } from '#server/platform/stopping.ts';

const Component = z.object({ ok: z.boolean(), message: z.string().optional() });
const Health = z.object({ status: z.enum(['ok', 'degraded']), database: Component, storage: Component });
const Live = z.object({ status: z.literal('live') });
const Ready = z.object({
  status: z.enum(['ready', 'not-ready']),
  database: Component,
  migrations: Component,
  storage: Component,
  stopping: z.boolean(),
});

const config = { access: 'public', rateLimit: false } as const;
const tags = ['运行状态'];

/** The newest migration this program has, read once: a database behind it is not ready for this program. */
let latestMigration: Promise<number> | null = null;
const latest = () => {
  latestMigration ??= readMigrations().then((all) => Math.max(0, ...all.map((m) => m.version)));
  return latestMigration;
};

export function healthRoutes(app: FastifyInstance, { db, storage }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const databaseCheck = () =>
    sql`SELECT 1`
      .execute(db)
      .then(() => ({ ok: true }))
      .catch((e: Error) => ({ ok: false, message: `数据库不可用：${e.message}` }));

  r.get('/api/health', {
    config,
    schema: {
      operationId: 'getHealth',
      tags,
      summary: '运行状态',
      response: { 200: Health, 503: Health },
    },
    handler: async (_request, reply) => {
      const database = await databaseCheck();
      const files = await storage.check();
      const ok = database.ok && files.ok;
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, storage: files });
    },
  });

  // Liveness: the process answers. A supervisor restarts it only when this fails, never for a database outage.
  r.get('/api/health/live', {
    config,
    schema: {
      operationId: 'getLiveness',
      tags,
      summary: '进程存活（负载均衡与进程管理用）',
      response: { 200: Live },
    },
    handler: async () => ({ status: 'live' as const }),
  });

  // Readiness: send it requests. Not while the database is unreachable or behind this program's
  // migrations, nor once a stop has begun (the balancer drains it before its connections close).
  r.get('/api/health/ready', {
    config,
    schema: {
      operationId: 'getReadiness',
      tags,
      summary: '可以接收请求（数据库可用、迁移已执行、未在停止中）',
      response: { 200: Ready, 503: Ready },
    },
    handler: async (_request, reply) => {
      const database = await databaseCheck();
      const migrations = database.ok
        ? await migrationsCheck()
        : { ok: false, message: '数据库不可用，无法核对迁移' };
      const files = await storage.check();
      const stopping = isStopping();
      const ready = database.ok && migrations.ok && files.ok && !stopping;
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not-ready', database, migrations, storage: files, stopping });
    },
  });

  async function migrationsCheck() {
    const wanted = await latest();
    const applied = await sql<{
      version: number | null;
    }>`SELECT max(version) AS version FROM schema_migrations`
      .execute(db)
      .then((result) => result.rows[0]?.version ?? 0)
      .catch(() => 0);
    return applied >= wanted
      ? { ok: true }
      : {
          ok: false,
          message: `数据库迁移未执行完（已到 ${applied}，本程序需要 ${wanted}）：请运行 tuijie migrate`,
        };
  }
}
