import type { AuditFilters, AuditListResponse } from '#core/contract/audit.ts';
import { api, withQuery } from './client.ts';

export type { AuditEntry, AuditFilters } from '#core/contract/audit.ts';

export function listAudit(filters: AuditFilters): Promise<AuditListResponse> {
  return api<AuditListResponse>(withQuery('/api/audit', { ...filters }));
}
