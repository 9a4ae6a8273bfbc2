import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  /** Path of the organisation the entry concerns; organiser admins above it can read it. */
  scopePath: string;
  before?: unknown;
  after?: unknown;
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * Writes the audit row inside the caller's transaction, so a decision and its record commit or roll back
 * together (an event that changes nothing else, such as a failed login, may pass the database itself).
 * `actor` is null for the system itself (seed, scheduled jobs).
 */
export async function recordAudit(
  trx: Trx | Db,
  actor: Pick<Actor, 'accountId' | 'displayName' | 'ip'> | null,
  entry: AuditEntry,
) {
  await trx
    .insertInto('auditLog')
    .values({
      actorId: actor?.accountId ?? null,
      actorName: actor?.displayName ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      scopePath: entry.scopePath,
      before: json(entry.before),
      after: json(entry.after),
      ip: actor?.ip ?? null,
    })
    .execute();
}
