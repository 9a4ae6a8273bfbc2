import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditListResponse, ListAuditQuery } from '#core/contract/audit.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import type { AppContext } from '#server/platform/context.ts';
import { forbidden } from '#server/platform/errors.ts';
import { auditNames } from './names.ts';
import { listAudit } from './queries.ts';
import { canViewAudit } from './rules.ts';

export function auditRoutes(app: FastifyInstance, { db }: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/audit', {
    schema: {
      operationId: 'listAuditLog',
      tags: ['审计'],
      summary: '审计日志',
      querystring: ListAuditQuery,
      response: { 200: AuditListResponse },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      if (!canViewAudit(actor)) throw forbidden();
      const { items, total } = await listAudit(db, { ...request.query, scopePath: actor.organisationPath });
      const names = await auditNames(db, items);
      return {
        items: items.map((e) => ({
          id: String(e.id),
          at: new Date(e.at).toISOString(),
          actor: e.actorId ? { id: e.actorId, displayName: e.actorName ?? '' } : null,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          entityName: (e.entityId && names[e.entityId.toLowerCase()]) || null,
          before: e.before ?? null,
          after: e.after ?? null,
          ip: e.ip,
        })),
        total,
        names,
      };
    },
  });
}
