/**
 * Stored objects a material row points at (its bytes by `storage_key`, its thumbnail by `preview_key`)
 * may be shared: a forwarded nomination's rows point at the province's bytes instead of copying them.
 * So no row owns its bytes; they go when the last row pointing at them goes.
 */
import type { AppContext } from '#server/platform/context.ts';
import type { Db } from '#server/platform/db/database.ts';
import type { Storage } from '#server/platform/storage/storage.ts';
import type { MaterialRow } from './queries.ts';

/** Of `keys`, those no material row points at any more. */
async function unreferenced(db: Db, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const used = await db
    .selectFrom('materials')
    .select(['storageKey', 'previewKey'])
    .where((eb) => eb.or([eb('storageKey', 'in', keys), eb('previewKey', 'in', keys)]))
    .execute();
  const stillUsed = new Set(used.flatMap((r) => [r.storageKey, r.previewKey]));
  return keys.filter((key) => !stillUsed.has(key));
}

/** An object's bytes, and for a tus upload its record (info file) too. */
async function removeObject(storage: Storage, key: string): Promise<void> {
  const uploadId = storage.uploadIdOf(key);
  if (uploadId)
    await storage
      .tusStore()
      .remove(uploadId)
      .catch(() => undefined);
  await storage.remove(key);
}

/**
 * Removes what deleted rows pointed at, unless another row still points at it. Call it after the
 * deleting transaction committed: a failed commit then never leaves a row pointing at nothing, and a
 * row sharing the bytes (inserted under a lock on the source row, see forward-materials.ts) is seen.
 */
export async function releaseStoredObjects(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  rows: readonly Pick<MaterialRow, 'storageKey' | 'previewKey'>[],
): Promise<void> {
  const keys = [
    ...new Set(rows.flatMap((r) => (r.previewKey ? [r.storageKey, r.previewKey] : [r.storageKey]))),
  ];
  for (const key of await unreferenced(db, keys)) await removeObject(storage, key);
}
