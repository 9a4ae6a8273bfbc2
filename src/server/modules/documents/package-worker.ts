/**
 * The `export-package` job: builds the ZIP into storage, writing progress to the package row as it
 * goes (the browser polls it), then `ready` with size and SHA-256, or `failed` with a Chinese reason.
 * A failure is final for that row (the user asks for a new package): a retry would only repeat it.
 */
import type { AppContext } from '#server/platform/context.ts';
import { AppError } from '#server/platform/errors.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { recordAudit } from '../audit/service.ts';
import { buildPackage } from './build-package.ts';
import { findPackage, updatePackage } from './package-queries.ts';

/** Progress is written at most this often: a package of thousands of files must not flood the database. */
const PROGRESS_EVERY_MS = 500;

export const packageStorageKey = (id: string) => `packages/${id}.zip`;

export function failureReason(error: unknown): string {
  if (error instanceof AppError) return error.message;
  // The system's code (ENOSPC, ENOENT) helps an administrator; its message would show server paths.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return `生成提交包时出错${code ? `（${code}）` : ''}。请稍后重新生成；如仍失败，请联系平台管理员检查文件存储。`;
}

export async function runPackageJob(context: Pick<AppContext, 'db' | 'storage'>, packageId: string) {
  const { db, storage } = context;
  const p = await findPackage(db, packageId);
  if (!p || p.state === 'ready') return;
  await updatePackage(db, packageId, { state: 'building', done: 0, total: 0, error: null });
  let last = 0;
  let pending = Promise.resolve();
  const onProgress = (done: number, total: number) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS && done < total) return;
    last = now;
    pending = pending.then(() => updatePackage(db, packageId, { done, total })).catch(() => {});
  };
  const key = packageStorageKey(packageId);
  try {
    const built = await buildPackage(
      { db, storage },
      { campaignId: p.campaignId, unitId: p.unitId },
      { sink: (zip) => storage.write(key, zip), onProgress },
    );
    await pending;
    await updatePackage(db, packageId, {
      state: 'ready',
      done: built.files,
      total: built.files,
      storageKey: key,
      bytes: built.bytes,
      sha256: built.sha256,
      finishedAt: new Date(),
    });
    await recordAudit(db, null, {
      action: 'package.built',
      entityType: 'package',
      entityId: packageId,
      scopePath: p.organiserPath,
      after: { files: built.files, missing: built.missing, bytes: built.bytes, sha256: built.sha256 },
    });
  } catch (error) {
    await pending;
    await storage.remove(key).catch(() => {});
    await updatePackage(db, packageId, {
      state: 'failed',
      error: failureReason(error),
      finishedAt: new Date(),
    });
  }
}

/** Called once from buildApp: this process builds packages, one at a time (each streams its own ZIP). */
export async function registerDocumentWorkers(context: AppContext): Promise<void> {
  await context.jobs.work<{ packageId: string }>(QUEUES.exportPackage, (data) =>
    runPackageJob(context, data.packageId),
  );
}
