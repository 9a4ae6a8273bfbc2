import { api, withQuery } from './client.ts';
import type { AuditEntry, Page } from './types.ts';

export interface AuditFilters {
  actorId?: string;
  action?: string;
  entityType?: string;
  /** YYYY-MM-DD, Beijing dates, both ends included (as the server reads them). */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** A page of entries, with the names of the ids inside their before and after. */
export type AuditPage = Page<AuditEntry> & { names: Record<string, string> };

export function listAudit(filters: AuditFilters): Promise<AuditPage> {
  return api<AuditPage>(withQuery('/api/audit', { ...filters }));
}
