/**
 * How long submission packages are kept (issue #15 item 5). A package holds every nominee's ID number and
 * phone: copies nobody downloads again must not pile up on the server. Of each scope (a campaign's whole
 * package, or one unit's) the newest few ready ones are kept, each at most a retention period after it was
 * built; the others expire and the sweep deletes their files. An expired package is rebuilt on request.
 */

/** Ready packages kept per scope (campaign + unit, or the whole campaign). */
export const PACKAGE_KEEP_NEWEST = 3;

/** Days a ready package is kept after it was built. */
export const PACKAGE_RETENTION_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetainedPackage {
  id: string;
  state: string;
  /** null: the whole campaign's package. */
  unitId: string | null;
  campaignId: string;
  /** When it was requested (orders the newest first). */
  createdAt: Date;
  /** When it became ready. */
  finishedAt: Date | null;
}

/** When a package built at `finishedAt` expires at the latest. */
export function packageExpiresAt(finishedAt: Date): Date {
  return new Date(finishedAt.getTime() + PACKAGE_RETENTION_DAYS * DAY_MS);
}

const scopeOf = (p: RetainedPackage) => `${p.campaignId}/${p.unitId ?? '*'}`;

/**
 * The ready packages to expire at `now`: past their retention period, or beyond the newest
 * PACKAGE_KEEP_NEWEST ready ones of their scope. Other states are left alone (a build under way finishes).
 */
export function packagesToExpire(packages: readonly RetainedPackage[], now: Date): string[] {
  const byScope = new Map<string, RetainedPackage[]>();
  for (const p of packages) {
    if (p.state !== 'ready') continue;
    const list = byScope.get(scopeOf(p)) ?? [];
    list.push(p);
    byScope.set(scopeOf(p), list);
  }
  const due: string[] = [];
  for (const list of byScope.values()) {
    list.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    list.forEach((p, i) => {
      const old = p.finishedAt !== null && packageExpiresAt(p.finishedAt).getTime() <= now.getTime();
      if (i >= PACKAGE_KEEP_NEWEST || old) due.push(p.id);
    });
  }
  return due;
}

/** What the package page says about keeping, in officials' words. */
export const PACKAGE_RETENTION_NOTICE = `材料包生成后在平台上保留 ${PACKAGE_RETENTION_DAYS} 天，同一范围只保留最近 ${PACKAGE_KEEP_NEWEST} 个；过期后文件自动删除，需要时可重新生成。材料包含个人信息，下载后请妥善保管。`;
