import { randomBytes } from 'node:crypto';
import { readdir, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { withDatabase } from '#server/platform/db/database.ts';
import { startEmbeddedPostgres } from '#server/platform/db/embedded-postgres.ts';
import { clearLeftoverServer, ownerFileOf } from '#server/platform/db/leftover-server.ts';
import { migrate } from '#server/platform/db/migrate.ts';
import { startJobs } from '#server/platform/jobs/jobs.ts';
import { runOnServer } from './pg-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test server's maintenance database. */
    pgServerUrl: string;
    /** A migrated database every test file copies its own fresh database from. */
    pgTemplate: string;
    /** Where the run keeps its demo as a first `serve --demo` made it (test/support/demo-snapshot.ts). */
    demoSnapshot: { database: string; varDir: string };
  }
}

/**
 * One real PostgreSQL server for the run: `TEST_DATABASE_URL` (a role allowed to create databases) when set,
 * else an embedded one in a fresh folder. Each test file then gets its own database copied from a migrated template.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const dataDir = path.resolve('.tmp', `test-pg-${process.pid}`);
  if (!external) await removeAbandonedServers();
  const embedded = external ? null : await startEmbeddedPostgres(dataDir);
  if (embedded && embedded.dataDir !== dataDir)
    console.log(`测试用的内置 PostgreSQL 数据在 ${embedded.dataDir}`);
  const serverUrl = external ? withDatabase(external, 'postgres') : embedded!.serverUrl;
  const template = `tuijie_template_${randomBytes(4).toString('hex')}`;
  await runOnServer(serverUrl, `CREATE DATABASE ${template}`);
  await migrate(withDatabase(serverUrl, template));
  // pg-boss installs its schema and queues once here, so each copied database starts its jobs at once.
  await (await startJobs(withDatabase(serverUrl, template))).stop();
  project.provide('pgServerUrl', serverUrl);
  project.provide('pgTemplate', template);
  // Made by the first file that asks (demo-snapshot.ts); a run killed before its teardown leaves the folder
  // beside its cluster's, and the next run removes both.
  const demoSnapshot = { database: `${template}_demo`, varDir: `${dataDir}-demo` };
  project.provide('demoSnapshot', demoSnapshot);

  return async () => {
    await runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
    for (const name of [demoSnapshot.database, `${demoSnapshot.database}_building`])
      await runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await rm(demoSnapshot.varDir, { recursive: true, force: true });
    if (embedded) {
      await embedded.stop();
      await removeCluster(dataDir, embedded.dataDir);
    }
  };
}

/** A test cluster's files: the folder (or, as root in a closed folder, the link and where it points). */
async function removeCluster(dataDir: string, realDir: string) {
  for (const p of [
    dataDir,
    realDir,
    `${dataDir}-demo`,
    `${dataDir}.password`,
    ownerFileOf(realDir),
    `${realDir}.initdb`,
  ]) {
    await rm(p, { recursive: true, force: true });
  }
}

/** Servers and folders of earlier runs in this checkout that were killed before their teardown. */
async function removeAbandonedServers() {
  const names = await readdir('.tmp').catch(() => [] as string[]);
  const dead = new Set(
    names.map((name) => Number(/^test-pg-(\d+)/.exec(name)?.[1])).filter((pid) => pid > 0 && !isRunning(pid)),
  );
  for (const pid of dead) {
    const dataDir = path.resolve('.tmp', `test-pg-${pid}`);
    const realDir = await realpath(dataDir).catch(() => dataDir);
    const cleared = await clearLeftoverServer(realDir).then(
      () => true,
      (e: Error) => console.warn(`未能清理上次测试留下的数据库 ${realDir}：${e.message}`),
    );
    if (cleared) await removeCluster(dataDir, realDir);
  }
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
