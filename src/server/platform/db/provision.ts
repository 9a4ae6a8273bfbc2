import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.ts';
import { withDatabase } from './database.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

export interface ProvisionedDatabase {
  url: string;
  embedded: boolean;
  /** The embedded cluster's folder, null for an external server. */
  dataDir: string | null;
  /** What starting the embedded server did that an operator should know (see EmbeddedDatabase.notes). */
  notes: string[];
  /** Stops the embedded server; does nothing for an external one. */
  stop(): Promise<void>;
}

export async function ensureDatabaseExists(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** The database the app uses: `DATABASE_URL` when set, else an embedded server under `var/pg`. */
export async function provisionDatabase(
  config: Config,
  log?: (line: string) => void,
): Promise<ProvisionedDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, dataDir: null, notes: [], stop: async () => {} };
  }
  const server = await startEmbeddedPostgres(path.join(config.varDir, 'pg'), log);
  try {
    await ensureDatabaseExists(server.serverUrl, 'tuijie');
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    url: withDatabase(server.serverUrl, 'tuijie'),
    embedded: true,
    dataDir: server.dataDir,
    notes: server.notes,
    stop: server.stop,
  };
}
