import type { Finding } from '#core/findings.ts';
import type { MaterialState, MaterialWaiver } from '#core/materials/slot-status.ts';
import { compiledOnce } from '#server/platform/db/compiled-once.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';

/** A nomination's file as the submit rule judges it and the submit snapshot names it. */
export interface NominationFile {
  id: string;
  setKey: string;
  slotId: string;
  fileName: string;
  bytes: string;
  sha256: string;
  state: MaterialState;
  chosen: boolean;
  findings: Finding[];
  waivers: MaterialWaiver[];
}

/**
 * A nomination's files in the materials module's order (oldest first, originals before their converted
 * copies). Only read here: every write of the table is the materials module's.
 */
export function listNominationFiles(db: Db | Trx, nominationId: string) {
  return nominationFiles.all(db, nominationId) as Promise<NominationFile[]>;
}

const nominationFiles = compiledOnce((db, nominationId: string) =>
  db
    .selectFrom('materials')
    .select([
      'id',
      'setKey',
      'slotId',
      'fileName',
      'bytes',
      'sha256',
      'state',
      'chosen',
      'findings',
      'waivers',
    ])
    .where('nominationId', '=', nominationId)
    .orderBy('createdAt')
    .orderBy('id'),
);
