import { describe, expect, it } from 'vitest';
import {
  PACKAGE_KEEP_NEWEST,
  PACKAGE_RETENTION_DAYS,
  PACKAGE_RETENTION_NOTICE,
  packageExpiresAt,
  packagesToExpire,
  type RetainedPackage,
} from './package-retention.ts';

const NOW = new Date('2026-12-05T04:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);

const pkg = (id: string, hours: number, patch: Partial<RetainedPackage> = {}): RetainedPackage => ({
  id,
  state: 'ready',
  unitId: 'u1',
  campaignId: 'c1',
  createdAt: hoursAgo(hours),
  finishedAt: hoursAgo(hours),
  ...patch,
});

describe('package retention', () => {
  it('keeps the newest few ready packages of a scope and expires the rest', () => {
    const list = [pkg('a', 1), pkg('b', 2), pkg('c', 3), pkg('d', 4), pkg('e', 5)];
    expect(PACKAGE_KEEP_NEWEST).toBe(3);
    expect(packagesToExpire(list, NOW).sort()).toEqual(['d', 'e']);
  });

  it('counts each scope apart: another unit, the whole campaign, another campaign', () => {
    const list = [
      pkg('a', 1),
      pkg('b', 2),
      pkg('c', 3),
      pkg('other-unit', 9, { unitId: 'u2' }),
      pkg('whole', 9, { unitId: null }),
      pkg('other-campaign', 9, { campaignId: 'c2' }),
    ];
    expect(packagesToExpire(list, NOW)).toEqual([]);
  });

  it('expires a ready package once its retention period has passed, however few there are', () => {
    const days = PACKAGE_RETENTION_DAYS * 24;
    expect(packagesToExpire([pkg('young', days - 1)], NOW)).toEqual([]);
    expect(packagesToExpire([pkg('old', days)], NOW)).toEqual(['old']);
    expect(packageExpiresAt(hoursAgo(days)).getTime()).toBe(NOW.getTime());
  });

  it('leaves builds under way, failed and expired packages alone', () => {
    const list = [
      pkg('a', 1),
      pkg('b', 2),
      pkg('c', 3),
      pkg('building', 500, { state: 'building', finishedAt: null }),
      pkg('failed', 500, { state: 'failed' }),
      pkg('expired', 500, { state: 'expired' }),
    ];
    expect(packagesToExpire(list, NOW)).toEqual([]);
  });

  it('tells the user in Chinese how long a package is kept', () => {
    expect(PACKAGE_RETENTION_NOTICE).toContain(`保留 ${PACKAGE_RETENTION_DAYS} 天`);
  });
});
