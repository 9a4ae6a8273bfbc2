import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db, withDatabase } from '../../src/server/platform/db/database.ts';

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

async function run(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database of its own for one test file (copied from the run's template). */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = inject('pgServerUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await run(
    serverUrl,
    options.migrated === false
      ? `CREATE DATABASE ${name}`
      : `CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`,
  );
  const url = withDatabase(serverUrl, name);
  const db = createDb(url, 30);
  return {
    url,
    db,
    async drop() {
      await db.destroy();
      await run(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
