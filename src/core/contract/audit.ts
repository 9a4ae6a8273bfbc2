/** The audit log as the server sends it, with the query it reads. */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const ListAuditQuery = z.object({
  actorId: z.uuid('操作人编号格式不正确').optional(),
  action: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  /** Beijing dates, both ends included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const AuditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    /** The object by the name people know (an account's, a unit's, a campaign's, a nominee's, a file's). */
    entityName: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditListResponse = z.object({
  items: z.array(AuditEntry),
  total: z.number(),
  /** Names of the ids inside the entries' before and after, so none is shown as an id. */
  names: z.record(z.string(), z.string()),
});

export type AuditFilters = z.output<typeof ListAuditQuery>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditListResponse = z.infer<typeof AuditListResponse>;
