import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDb, type Db, withDatabase } from '#server/platform/db/database.ts';
import { installDataKeys, keyringFromEnv } from '#server/platform/personal-data/data-keys.ts';
import { runOnServer } from './pg-admin.ts';

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own for one test file (copied from the run's template, or from
 * `template` when given).
 */
export async function createTestDatabase(
  options: { migrated?: boolean; template?: string } = {},
): Promise<TestDatabase> {
  // The test app's personal-data key (vitest.config.ts), as a start would load it.
  installDataKeys(keyringFromEnv(process.env)!);
  const serverUrl = inject('pgServerUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await runOnServer(
    serverUrl,
    options.migrated === false
      ? `CREATE DATABASE ${name}`
      : `CREATE DATABASE ${name} TEMPLATE ${options.template ?? inject('pgTemplate')}`,
  );
  const url = withDatabase(serverUrl, name);
  const db = createDb(url, 30);
  return {
    url,
    db,
    async drop() {
      await db.destroy();
      await runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * How a nomination was last moved, from the audit log: its state change, label and who did it (the
 * account, or null for the platform itself).
 */
export async function lastMoveOf(database: TestDatabase, nominationId: string) {
  const row = await database.db
    .selectFrom('auditLog')
    .select(['actorId', 'before', 'after'])
    .where('entityId', '=', nominationId)
    .where('action', '=', 'nomination.transitioned')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const after = row.after as { state: string; label: string };
  return {
    actorId: row.actorId,
    from: (row.before as { state: string }).state,
    to: after.state,
    label: after.label,
  };
}
