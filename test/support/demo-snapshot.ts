import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase } from '#server/platform/db/database.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { startServerProcess } from './server-process.ts';

// Any number unlikely to be another lock of the run's server.
const BUILD_LOCK = 7_461_020_262;

export type DemoDatabase = TestDatabase & { varDir: string };

/**
 * A database and a var folder of their own holding the demo as a first `serve --demo` made it, for
 * `startServerProcess(database.url, { varDir: database.varDir })`. Making the demo takes a server 20 s
 * (the notice's PDF, the showcase's films); the first file of a run that asks makes it once, and every file
 * after copies it, as a restore would.
 */
export async function createDemoDatabase(): Promise<DemoDatabase> {
  const serverUrl = inject('pgServerUrl');
  const snapshot = inject('demoSnapshot');
  await ensureSnapshot(serverUrl, snapshot);
  const database = await createTestDatabase({ template: snapshot.database });
  const varDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-e2e-'));
  await cp(snapshot.varDir, varDir, { recursive: true });
  return {
    ...database,
    varDir,
    async drop() {
      await database.drop();
      await rm(varDir, { recursive: true, force: true });
    },
  };
}

async function ensureSnapshot(serverUrl: string, snapshot: { database: string; varDir: string }) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    // Files run one after another in their own workers: the first to get here makes it, the rest find it.
    await client.query('SELECT pg_advisory_lock($1)', [BUILD_LOCK]);
    const made = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [snapshot.database]);
    if (made.rowCount) return;
    const building = `${snapshot.database}_building`;
    await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${building}`);
    await rm(snapshot.varDir, { recursive: true, force: true });
    const server = await startServerProcess(withDatabase(serverUrl, building), { varDir: snapshot.varDir });
    await waitForIdleJobs(withDatabase(serverUrl, building));
    await server.stop();
    // Only a finished demo gets the name the others look for.
    await client.query(`ALTER DATABASE ${building} RENAME TO ${snapshot.database}`);
  } finally {
    await client.end();
  }
}

/** The demo's first jobs (thumbnails, documents) done, so no copy starts with one a stopped server held. */
export async function waitForIdleJobs(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let waited = 0; waited < 60_000; waited += 250) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`,
      );
      if (rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('演示数据的后台任务在 60 秒内未完成');
  } finally {
    await client.end();
  }
}
