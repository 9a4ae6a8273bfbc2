import { sql } from 'kysely';
import type { Db } from '#server/platform/db/database.ts';

export interface AuditFilter {
  scopePath: string;
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Db, f: AuditFilter) {
  let query = db.selectFrom('auditLog').where('scopePath', 'like', `${f.scopePath}%`);
  if (f.actorId) query = query.where('actorId', '=', f.actorId);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.entityType) query = query.where('entityType', '=', f.entityType);
  if (f.entityId) query = query.where('entityId', '=', f.entityId);
  // Days are days in Beijing time, whatever the server's zone.
  if (f.from)
    query = query.where('at', '>=', sql<Date>`(${f.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (f.to)
    query = query.where('at', '<', sql<Date>`((${f.to}::date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  const [items, total] = await Promise.all([
    query
      .select([
        'id',
        'at',
        'actorId',
        'actorName',
        'action',
        'entityType',
        'entityId',
        'before',
        'after',
        'ip',
      ])
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
