/**
 * The `export-package` job: builds the ZIP into storage, writing progress to the package row as it
 * goes (the browser polls it), then `ready` with size and SHA-256, or `failed` with a Chinese reason.
 * A failure is final for that row (the user asks for a new package): a retry would only repeat it.
 */
import type { AppContext } from '#server/platform/context.ts';
import { AppError } from '#server/platform/errors.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { isStorageFull } from '#server/platform/storage/storage-full.ts';
import { buildPackage } from './build-package.ts';
import { findPackage, updatePackageProgress } from './package-queries.ts';
import { registerPackageSweep } from './package-sweep.ts';
import { transitionPackage } from './transition-package.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Progress is written at most this often: a package of thousands of files must not flood the database. */
const PROGRESS_EVERY_MS = 500;

export const packageStorageKey = (id: string) => `packages/${id}.zip`;

export function failureReason(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (isStorageFull(error))
    return '平台的文件存储空间已满，提交包未能生成。请联系平台管理员清理或扩充存储空间后重新生成。';
  // The system's code (ENOSPC, ENOENT) helps an administrator; its message would show server paths.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return `生成提交包时出错${code ? `（${code}）` : ''}。请稍后重新生成；如仍失败，请联系平台管理员检查文件存储。`;
}

export async function runPackageJob(
  context: Pick<AppContext, 'db' | 'storage' | 'clock'>,
  packageId: string,
) {
  const { db, storage, clock } = context;
  const p = await findPackage(db, packageId);
  if (!p) return;
  // Queued, or building when the process died meanwhile; a finished package is left as it is.
  if (!(await transitionPackage(db, packageId, { to: 'building' }, clock.now())).moved) return;
  let last = 0;
  let pending = Promise.resolve();
  const onProgress = (done: number, total: number) => {
    const at = clock.now().getTime();
    if (at - last < PROGRESS_EVERY_MS && done < total) return;
    last = at;
    pending = pending.then(() => updatePackageProgress(db, packageId, { done, total })).catch(() => {});
  };
  const key = packageStorageKey(packageId);
  try {
    const built = await buildPackage(
      { db, storage },
      { campaignId: p.campaignId, unitId: p.unitId },
      { sink: (zip) => storage.write(key, zip), onProgress, now: clock.now() },
    );
    await pending;
    await transitionPackage(
      db,
      packageId,
      { to: 'ready', built: { ...built, storageKey: key } },
      clock.now(),
    );
  } catch (error) {
    await pending;
    await storage.remove(key).catch(() => {});
    await transitionPackage(db, packageId, { to: 'failed', error: failureReason(error) }, clock.now());
  }
}

/** Every try of the build ended with its process (killed, out of memory): the package fails, saying so. */
export async function giveUpPackage(context: Pick<AppContext, 'db' | 'clock'>, packageId: string) {
  const error =
    '生成提交包时平台多次中断，未能完成（可能是文件过多过大或平台内存不足）。请重新生成；如仍失败，请联系平台管理员。';
  // A package that finished after all (or was never there) is left as it is: the move is refused quietly.
  await transitionPackage(context.db, packageId, { to: 'failed', error }, context.clock.now());
}

/**
 * Called once from buildApp: this process builds packages, one at a time (each streams its own ZIP), and
 * takes its turn at the hourly expiry sweep.
 */
export async function registerDocumentWorkers(context: AppContext): Promise<void> {
  await context.jobs.work<{ packageId: string }>(QUEUES.exportPackage, (data) =>
    runPackageJob(context, data.packageId),
  );
  await context.jobs.work<{ packageId?: unknown }>(QUEUES.exportPackageGaveUp, async (data) => {
    if (typeof data.packageId === 'string' && UUID.test(data.packageId))
      await giveUpPackage(context, data.packageId);
  });
  await registerPackageSweep(context);
}
