import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Jobs } from './jobs/jobs.ts';
import type { PublicPages } from './public-pages.ts';
import type { Storage } from './storage/storage.ts';
import type { UploadLocker } from './storage/upload-locker.ts';

/** What every module's routes receive: built once in app.ts, never global. */
export interface AppContext {
  config: Config;
  db: Db;
  storage: Storage;
  jobs: Jobs;
  clock: Clock;
  /** Tells the public site its rendered pages are stale. */
  publicPages: PublicPages;
  /** Which request of which process may write an upload (tus). */
  uploadLocker: UploadLocker;
}
