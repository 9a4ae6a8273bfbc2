/**
 * Bringing the registry's 身份证号 under the current data key (decision 0016, migration 0027): a row
 * still clear is sealed and its clear number removed, a row under an older key is resealed, and the
 * match hash recomputed (the natural key follows it). Runs at every start and as `tuijie rotate-key`
 * (cli/reseal-personal-data.ts); the record's version and times stay as they were.
 */
import type { Db } from '#server/platform/db/database.ts';
import type { DataKeyring } from '#server/platform/personal-data/data-keys.ts';
import { type ResealOptions, resealInBatches } from '#server/platform/personal-data/reseal-batches.ts';
import { openColumn, sealedIdNumberColumns } from '#server/platform/personal-data/sealed-column.ts';

export function resealWinners(db: Db, keyring: DataKeyring, options: ResealOptions = {}) {
  return resealInBatches(
    db,
    keyring,
    {
      pending: (trx, kid, limit) =>
        trx
          .selectFrom('previousWinners')
          .select(['id', 'idNumber', 'idNumberSealed', 'dataKeyId'])
          .where('dataKeyId', 'is distinct from', kid)
          .orderBy('id')
          .limit(limit)
          .forUpdate()
          .execute(),
      reseal: async (trx, row) => {
        const clear = row.idNumberSealed ? openColumn('idNumber', row.idNumberSealed, keyring) : row.idNumber;
        await trx
          .updateTable('previousWinners')
          .set({
            ...sealedIdNumberColumns(clear, keyring),
          })
          .where('id', '=', row.id)
          .execute();
      },
    },
    options,
  );
}
