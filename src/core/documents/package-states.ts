/** A submission package's state: queued until its job starts, building while it writes, then ready or failed. */
export const PACKAGE_STATES = ['queued', 'building', 'ready', 'failed'] as const;

export type PackageState = (typeof PACKAGE_STATES)[number];
