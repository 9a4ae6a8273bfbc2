/**
 * Bringing the pool's 身份证号 under the current data key (decision 0016, migration 0028): a row still
 * clear is sealed and its clear number removed, a row under an older key is resealed, and the match
 * hash recomputed; so are the numbers of the people the expert declared in the relations. Runs at every
 * start and as `tuijie rotate-key` (cli/reseal-personal-data.ts); the row's version and times stay as
 * they were.
 */
import { sql } from 'kysely';
import type { Db } from '#server/platform/db/database.ts';
import type { DataKeyring } from '#server/platform/personal-data/data-keys.ts';
import { type ResealOptions, resealInBatches } from '#server/platform/personal-data/reseal-batches.ts';
import { openColumn, sealedIdNumberColumns } from '#server/platform/personal-data/sealed-column.ts';
import { resealRelations } from './experts-relatives.ts';

/**
 * A declared person's number still in clear: rows written before the relations were sealed, whose own
 * number may already be under the current key. Such a row counts as not sealed (its key read as none).
 */
const clearRelative = sql<boolean>`jsonb_path_exists(relations, '$[*].person.idNumber ? (@.type() == "string" && @ != "")')`;

export function resealExperts(db: Db, keyring: DataKeyring, options: ResealOptions = {}) {
  return resealInBatches(
    db,
    keyring,
    {
      pending: (trx, kid, limit) =>
        trx
          .selectFrom('reviewExperts')
          .select([
            'campaignId',
            'expertId',
            'idNumber',
            'idNumberSealed',
            'relations',
            sql<string | null>`CASE WHEN ${clearRelative} THEN NULL ELSE data_key_id END`.as('dataKeyId'),
          ])
          .where((eb) => eb.or([eb('dataKeyId', 'is distinct from', kid), clearRelative]))
          .orderBy('campaignId')
          .orderBy('expertId')
          .limit(limit)
          .forUpdate()
          .execute(),
      reseal: async (trx, row) => {
        const clear = row.idNumberSealed ? openColumn('idNumber', row.idNumberSealed, keyring) : row.idNumber;
        await trx
          .updateTable('reviewExperts')
          .set({
            ...sealedIdNumberColumns(clear, keyring),
            relations: JSON.stringify(resealRelations(row.relations, keyring)),
          })
          .where('campaignId', '=', row.campaignId)
          .where('expertId', '=', row.expertId)
          .execute();
      },
    },
    options,
  );
}
