import { type Config, loadConfig } from '../server/platform/config.ts';
import { createDb, type Db } from '../server/platform/db/database.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { provisionDatabase } from '../server/platform/db/provision.ts';
import { createDiskStorage } from '../server/platform/storage/disk-storage.ts';
import type { Storage } from '../server/platform/storage/storage.ts';

export interface Runtime {
  config: Config;
  db: Db;
  storage: Storage;
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
    return {
      config,
      db,
      storage: createDiskStorage(config.filesDir),
      embedded: database.embedded,
      migrationsApplied,
      async close() {
        await db.destroy();
        await database.stop();
      },
    };
  } catch (e) {
    await database.stop();
    throw e;
  }
}
