/**
 * Bringing a table's rows under the current data key, batch by batch (docs/decisions/0016): each batch
 * its own transaction with its rows locked, so a stop loses nothing and a second run does only what is
 * left. The table says which rows are pending and how one is resealed; this loop is shared.
 */
import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.ts';
import type { DataKeyring } from './data-keys.ts';
import { UnknownDataKeyError } from './envelope.ts';

export interface ResealCounts {
  /** Rows that were clear and are now sealed. */
  sealed: number;
  /** Rows that were sealed with an older key and are now sealed with the current one. */
  rotated: number;
}

export interface ResealOptions {
  batchSize?: number;
  onBatch?: (counts: ResealCounts) => void;
}

export interface ResealStep<R extends { dataKeyId: string | null }> {
  /** Up to `limit` rows not under key `kid`, locked. */
  pending(trx: Trx, kid: string, limit: number): Promise<R[]>;
  /** Writes one row sealed with the current key and its hashes recomputed. */
  reseal(trx: Trx, row: R): Promise<void>;
}

export async function resealInBatches<R extends { dataKeyId: string | null }>(
  db: Db,
  keyring: DataKeyring,
  step: ResealStep<R>,
  options: ResealOptions = {},
): Promise<ResealCounts> {
  const counts: ResealCounts = { sealed: 0, rotated: 0 };
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await step.pending(trx, keyring.current.kid, options.batchSize ?? 200);
      for (const row of rows) {
        if (row.dataKeyId !== null && !keyring.keys.has(row.dataKeyId))
          throw new UnknownDataKeyError(row.dataKeyId);
        await step.reseal(trx, row);
        if (row.dataKeyId === null) counts.sealed++;
        else counts.rotated++;
      }
      return rows.length === 0;
    });
    if (done) return counts;
    options.onBatch?.({ ...counts });
  }
}

/**
 * Refuses to go on when rows of `table` (a table with a `data_key_id` column) are sealed with a key
 * the keyring does not hold: nothing could read them.
 */
export async function assertKeysKnownIn(db: Db, table: string, keyring: DataKeyring) {
  const { rows } = await sql<{ kid: string }>`
    SELECT DISTINCT data_key_id AS kid FROM ${sql.table(table)} WHERE data_key_id IS NOT NULL`.execute(db);
  const unknown = rows.map((r) => r.kid).find((kid) => !keyring.keys.has(kid));
  if (unknown) throw new UnknownDataKeyError(unknown);
}
