import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { poolOf } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { QUEUES } from '../jobs/jobs.ts';
import {
  dbPoolConnections,
  jobQueueDepth,
  jobQueueOldestSeconds,
  registry,
  requestDuration,
} from './instruments.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/** Reads the queue tables and the pool into the gauges, just before a scrape. */
async function refreshGauges({ db }: AppContext): Promise<void> {
  // Ages are measured by the database's own clock: how long a job really waited, whatever the app's clock.
  const { rows } = await sql<{ kind: string; state: string; count: string; oldest: number | null }>`
    SELECT name AS kind, state::text AS state, count(*)::text AS count,
           extract(epoch FROM now() - min(created_on) FILTER (WHERE start_after <= now()))::float8 AS oldest
      FROM pgboss.job WHERE state IN ('created', 'retry', 'active') GROUP BY name, state`.execute(db);
  jobQueueDepth.reset();
  jobQueueOldestSeconds.reset();
  for (const kind of Object.values(QUEUES)) {
    for (const state of ['created', 'retry', 'active']) jobQueueDepth.set({ kind, state }, 0);
    jobQueueOldestSeconds.set({ kind }, 0);
  }
  const oldest = new Map<string, number>();
  for (const row of rows) {
    jobQueueDepth.set({ kind: row.kind, state: row.state }, Number(row.count));
    if (row.state !== 'active' && row.oldest !== null)
      oldest.set(row.kind, Math.max(oldest.get(row.kind) ?? 0, row.oldest));
  }
  for (const [kind, seconds] of oldest) jobQueueOldestSeconds.set({ kind }, seconds);
  const pool = poolOf(db);
  if (pool) {
    dbPoolConnections.set({ state: 'total' }, pool.totalCount);
    dbPoolConnections.set({ state: 'idle' }, pool.idleCount);
    dbPoolConnections.set({ state: 'waiting' }, pool.waitingCount);
    dbPoolConnections.set({ state: 'max' }, pool.options.max ?? 10);
  }
}

/**
 * `/metrics` in Prometheus text format, for a scraper holding `METRICS_TOKEN`; without the setting the
 * endpoint does not exist. Outside `/api` (no session, no CSRF), outside the rate limit (a scraper every
 * few seconds must not use up an office's allowance) and out of the API document.
 */
export function metricsRoutes(app: FastifyInstance, context: AppContext) {
  app.addHook('onResponse', async (request, reply) => {
    requestDuration.observe(
      {
        method: request.method,
        // The pattern (`/api/nominations/:id`), never the raw address: one series per route, not per id.
        route: request.routeOptions.url ?? '未匹配',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  app.get(
    '/metrics',
    { config: { access: 'public', rateLimit: false }, schema: { hide: true } },
    async (request, reply) => {
      const token = context.config.metricsToken;
      if (!token)
        throw new AppError('NOT_FOUND', '未启用运行指标：设置环境变量 METRICS_TOKEN 后重启平台即可启用');
      if (!bearerMatches(request.headers.authorization, token)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw new AppError(
          'UNAUTHENTICATED',
          '读取运行指标须携带正确的访问令牌（Authorization: Bearer 令牌）',
        );
      }
      await refreshGauges(context);
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
}
