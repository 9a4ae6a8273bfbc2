import { mkdir } from 'node:fs/promises';
import { type Clock, clockFromEnv } from '#server/platform/clock.ts';
import { type Config, loadConfig } from '#server/platform/config.ts';
import { createDb, type Db } from '#server/platform/db/database.ts';
import { migrate } from '#server/platform/db/migrate.ts';
import { provisionDatabase } from '#server/platform/db/provision.ts';
import { type Jobs, startJobs } from '#server/platform/jobs/jobs.ts';
import { type DataKeyring, installDataKeys, loadDataKeys } from '#server/platform/personal-data/data-keys.ts';
import { createPublicPages, type PublicPages } from '#server/platform/public-pages.ts';
import { sharePublicPages } from '#server/platform/public-pages-channel.ts';
import { removeStaleScratchDirs } from '#server/platform/scratch-dirs.ts';
import { markStopping } from '#server/platform/stopping.ts';
import { createStorage } from '#server/platform/storage/create-storage.ts';
import { removeStalePartialWrites } from '#server/platform/storage/disk-storage.ts';
import type { Storage } from '#server/platform/storage/storage.ts';
import { createUploadLocker, type UploadLocker } from '#server/platform/storage/upload-locker.ts';
import { assertPersonalDataKeysKnown, resealLines, resealPersonalData } from './reseal-personal-data.ts';
import { stopOnSignals } from './stop-on-signals.ts';

export interface Runtime {
  config: Config;
  db: Db;
  storage: Storage;
  jobs: Jobs;
  clock: Clock;
  publicPages: PublicPages;
  uploadLocker: UploadLocker;
  embedded: boolean;
  /** The embedded cluster's folder (null for `DATABASE_URL`), and what its start did, for the operator. */
  databaseDir: string | null;
  databaseNotes: string[];
  migrationsApplied: string[];
  /** The keys personal data is sealed with, and what their loading did (a key generated, rows sealed). */
  dataKeys: DataKeyring;
  dataKeyNotes: string[];
  /** Runs `step` first when the runtime closes (e.g. the HTTP server, before the database it uses). */
  onClose(step: () => Promise<void>): void;
  /** Whether closing has begun (a stop by signal, or `close()`). */
  closing(): boolean;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** The exit code after a stop by signal; by default 128 + its number (the command was interrupted). */
  exitCodeOnSignal?: (signal: string) => number;
  /** False: leave rows under older keys for the caller (`tuijie rotate-key` reports its own counts). */
  reseal?: boolean;
}

/**
 * Opens the database (embedded or `DATABASE_URL`), brings its schema up to date, and the file storage.
 * A stop by signal closes it all, the embedded PostgreSQL last, and exits.
 */
export async function openRuntime(config = loadConfig(), options: RuntimeOptions = {}): Promise<Runtime> {
  // TUIJIE_CLOCK: only for rehearsal and tests (README); a real round runs on the system clock.
  const clock = clockFromEnv(process.env.TUIJIE_CLOCK);
  const steps: (() => Promise<void>)[] = [];
  let closed: Promise<void> | null = null;
  const close = () => {
    markStopping();
    closed ??= (async () => {
      for (const step of steps.splice(0)) await step();
      unhook();
    })();
    return closed;
  };
  const unhook = stopOnSignals(close, options.exitCodeOnSignal);

  try {
    const database = await provisionDatabase(config);
    steps.unshift(database.stop);
    const migrationsApplied = await migrate(database.url);
    const db = createDb(database.url, config.databasePoolSize);
    steps.unshift(() => db.destroy());
    const { keyring, notes: dataKeyNotes } = await openDataKeys(db, config, options.reseal ?? true);
    const jobs = await startJobs(database.url, { pollingIntervalSeconds: config.jobPollSeconds });
    steps.unshift(() => jobs.stop());
    const shared = await sharePublicPages(createPublicPages(), db, database.url);
    steps.unshift(() => shared.close());
    const uploadLocker = createUploadLocker(database.url);
    steps.unshift(() => uploadLocker.close());
    await removeLeftovers(config);
    return {
      config,
      db,
      storage: await createStorage(config),
      jobs,
      clock,
      publicPages: shared.publicPages,
      uploadLocker,
      embedded: database.embedded,
      databaseDir: database.dataDir,
      databaseNotes: database.notes,
      migrationsApplied,
      dataKeys: keyring,
      dataKeyNotes,
      onClose: (step) => steps.unshift(step),
      closing: () => closed !== null,
      close,
    };
  } catch (e) {
    // Stopped by a signal while opening: the failure is the stop's doing, and the stop exits by itself.
    const stopping = closed !== null;
    await close();
    if (stopping) return new Promise<never>(() => {});
    throw e;
  }
}

/**
 * What a process killed mid-work (SIGKILL, power cut) could not remove: its scratch folders and the
 * partial files it was writing. Its jobs themselves are taken up again by the queue (jobs.ts).
 */
async function removeLeftovers(config: Config): Promise<void> {
  const folders = await removeStaleScratchDirs();
  const partials = config.s3 ? [] : await removeStalePartialWrites(config.filesDir);
  if (folders + partials.length > 0)
    console.warn(
      `已清理上次异常退出时遗留的临时文件：临时目录 ${folders} 个，未写完的文件 ${partials.length} 个。`,
    );
}

/**
 * The personal-data keys (environment, else the var directory's key file, else a new one there), then
 * a check that they open what is stored, then every row brought under the current key: a wrong or
 * missing key stops the start with a message, before anything is served.
 */
async function openDataKeys(
  db: Db,
  config: Config,
  reseal: boolean,
): Promise<{ keyring: DataKeyring; notes: string[] }> {
  await mkdir(config.varDir, { recursive: true, mode: 0o700 });
  const { keyring, note } = await loadDataKeys(process.env, config.varDir);
  installDataKeys(keyring);
  await assertPersonalDataKeysKnown(db, keyring);
  const notes = note ? [note] : [];
  if (!reseal) return { keyring, notes };
  for (const line of resealLines(await resealPersonalData(db, keyring))) notes.push(`个人信息加密：${line}`);
  return { keyring, notes };
}
