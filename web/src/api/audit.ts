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

export function listAudit(filters: AuditFilters): Promise<Page<AuditEntry>> {
  return api<Page<AuditEntry>>(withQuery('/api/audit', { ...filters }));
}
