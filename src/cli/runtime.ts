import { type Config, loadConfig } from '../server/platform/config.ts';
import { createDb, type Db } from '../server/platform/db/database.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { provisionDatabase } from '../server/platform/db/provision.ts';
import { type Jobs, startJobs } from '../server/platform/jobs/jobs.ts';
import { createStorage } from '../server/platform/storage/create-storage.ts';
import type { Storage } from '../server/platform/storage/storage.ts';

export interface Runtime {
  config: Config;
  db: Db;
  storage: Storage;
  jobs: Jobs;
  embedded: boolean;
  migrationsApplied: string[];
  close(): Promise<void>;
}

/** Opens the database (embedded or `DATABASE_URL`), brings its schema up to date, and the file storage. */
export async function openRuntime(config = loadConfig()): Promise<Runtime> {
  const database = await provisionDatabase(config);
  try {
    const migrationsApplied = await migrate(database.url);
    const db = createDb(database.url);
    const jobs = await startJobs(database.url, { pollingIntervalSeconds: config.jobPollSeconds });
    return {
      config,
      db,
      storage: createStorage(config),
      jobs,
      embedded: database.embedded,
      migrationsApplied,
      async close() {
        await jobs.stop();
        await db.destroy();
        await database.stop();
      },
    };
  } catch (e) {
    await database.stop();
    throw e;
  }
}
