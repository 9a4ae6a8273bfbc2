/** Submission packages (ZIP built by a background job): request, poll, list. */
import { z } from 'zod';

export const PackageState = z.enum(['queued', 'building', 'ready', 'failed', 'expired']);

export const ExportPackage = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    /** null: the whole campaign, a folder per unit. */
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    state: PackageState,
    /** Files written so far out of `total` (0 of 0 until the job has planned the package). */
    done: z.number(),
    total: z.number(),
    bytes: z.number().nullable(),
    sha256: z.string().nullable(),
    /** Why it failed, in Chinese. */
    error: z.string().nullable(),
    fileName: z.string(),
    downloadUrl: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    /** When a ready package's file is deleted at the latest (a newer build of its scope may expire it sooner). */
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'ExportPackage' });

export const PackageListResponse = z.object({ items: z.array(ExportPackage) });

export const RequestPackageBody = z.object({ unitId: z.uuid('报送单位编号格式不正确').optional() });

export type PackageState = z.infer<typeof PackageState>;
export type ExportPackage = z.infer<typeof ExportPackage>;
export type PackageListResponse = z.infer<typeof PackageListResponse>;
