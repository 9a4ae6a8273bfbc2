import type { Actor } from '#server/platform/auth/actor.ts';
import { compiledOnce } from '#server/platform/db/compiled-once.ts';
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

const insertAudit = compiledOnce(
  (
    db,
    actorId: string | null,
    actorName: string | null,
    action: string,
    entityType: string,
    entityId: string | null,
    scopePath: string,
    before: string | null,
    after: string | null,
    ip: string | null,
  ) =>
    db
      .insertInto('auditLog')
      .values({ actorId, actorName, action, entityType, entityId, scopePath, before, after, ip }),
);

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
  await insertAudit.run(
    trx,
    actor?.accountId ?? null,
    actor?.displayName ?? null,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.scopePath,
    json(entry.before),
    json(entry.after),
    actor?.ip ?? null,
  );
}
