/**
 * The package expiry sweep (issue #15 item 5), hourly on the app's clock: ready packages past their
 * retention or beyond the newest few of their scope move to `expired` through the one transition function
 * (audited), then their files are deleted. The two steps are apart so a crash between them only leaves a
 * file for the next sweep, never a ready package without its file.
 */
import { packagesToExpire } from '#core/documents/package-retention.ts';
import type { AppContext } from '#server/platform/context.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { forgetPackageFile, listExpiredWithFiles, listReadyPackages } from './package-queries.ts';
import { transitionPackage } from './transition-package.ts';

export async function sweepPackages(
  context: Pick<AppContext, 'db' | 'storage'>,
  now: Date,
): Promise<{ expired: number; removed: number }> {
  const { db, storage } = context;
  let expired = 0;
  for (const id of packagesToExpire(await listReadyPackages(db), now)) {
    const reason = '超过保留期限或同一范围已有更新的材料包';
    if ((await transitionPackage(db, id, { to: 'expired', reason }, now)).moved) expired++;
  }
  let removed = 0;
  for (const p of await listExpiredWithFiles(db)) {
    await storage.remove(p.storageKey!);
    await forgetPackageFile(db, p.id);
    removed++;
  }
  return { expired, removed };
}

export async function registerPackageSweep(context: AppContext): Promise<void> {
  await context.jobs.work(QUEUES.packageSweep, async () => {
    await sweepPackages(context, context.clock.now());
  });
  await context.jobs.schedule(QUEUES.packageSweep, '23 * * * *');
}
