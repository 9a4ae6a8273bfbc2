import type { Finding } from '#core/findings.ts';
import type { MaterialSetKey } from '#core/materials/nomination-slots.ts';
import type { Probed } from '#core/materials/probed.ts';
import type { MaterialWaiver } from '#core/materials/slot-status.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';

function baseQuery(db: Db | Trx) {
  return db
    .selectFrom('materials as m')
    .select([
      'm.id',
      'm.nominationId',
      'm.setKey',
      'm.slotId',
      'm.uploadId',
      'm.storageKey',
      'm.fileName',
      'm.bytes',
      'm.sha256',
      'm.state',
      'm.probed',
      'm.findings',
      'm.waivers',
      'm.convertedFrom',
      'm.copiedFrom',
      'm.progress',
      'm.chosen',
      'm.previewKey',
      'm.createdAt',
    ]);
}

type StoredRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
export type MaterialRow = Omit<StoredRow, 'probed' | 'findings' | 'waivers'> & {
  probed: Probed | null;
  findings: Finding[];
  waivers: MaterialWaiver[];
};

/** A nomination's files, oldest first, originals before their converted copies. */
export function listMaterials(db: Db | Trx, nominationId: string) {
  return baseQuery(db)
    .where('m.nominationId', '=', nominationId)
    .orderBy('m.createdAt')
    .orderBy('m.id')
    .execute() as Promise<MaterialRow[]>;
}

/**
 * The same, locked against deletion until the caller's transaction ends: rows about to share these
 * files' bytes are then seen by any delete that waited (see stored-objects.ts).
 */
export function listMaterialsForShare(trx: Trx, nominationId: string) {
  return baseQuery(trx)
    .where('m.nominationId', '=', nominationId)
    .orderBy('m.createdAt')
    .orderBy('m.id')
    .forShare()
    .execute() as Promise<MaterialRow[]>;
}

export function findMaterial(db: Db | Trx, id: string) {
  return baseQuery(db).where('m.id', '=', id).executeTakeFirst() as Promise<MaterialRow | undefined>;
}

export function findMaterialByUpload(db: Db | Trx, uploadId: string) {
  return baseQuery(db).where('m.uploadId', '=', uploadId).executeTakeFirst() as Promise<
    MaterialRow | undefined
  >;
}

/** Files that take a place in a slot: originals (a converted copy shares its original's place). */
export async function countSlotOriginals(
  db: Db | Trx,
  nominationId: string,
  setKey: MaterialSetKey,
  slotId: string,
) {
  const row = await db
    .selectFrom('materials')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('nominationId', '=', nominationId)
    .where('setKey', '=', setKey)
    .where('slotId', '=', slotId)
    .where('convertedFrom', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The file and the copies converted from it: deleting an original takes its copies along. */
export function materialFamily(db: Db | Trx, id: string) {
  return baseQuery(db)
    .where((eb) => eb.or([eb('m.id', '=', id), eb('m.convertedFrom', '=', id)]))
    .execute() as Promise<MaterialRow[]>;
}
