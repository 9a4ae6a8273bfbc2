/**
 * Bringing accounts' phones under the current data key (decision 0016, migration 0029): a row still
 * clear is sealed and its clear phone removed, a row under an older key is resealed. Runs at every
 * start and as `tuijie rotate-key` (cli/reseal-personal-data.ts); version and times stay as they were.
 */
import type { Db } from '#server/platform/db/database.ts';
import type { DataKeyring } from '#server/platform/personal-data/data-keys.ts';
import { type ResealOptions, resealInBatches } from '#server/platform/personal-data/reseal-batches.ts';
import { openColumn } from '#server/platform/personal-data/sealed-column.ts';
import { storedPhone } from './service.ts';

export function resealAccounts(db: Db, keyring: DataKeyring, options: ResealOptions = {}) {
  return resealInBatches(
    db,
    keyring,
    {
      pending: (trx, kid, limit) =>
        trx
          .selectFrom('accounts')
          .select(['id', 'phone', 'phoneSealed', 'dataKeyId'])
          .where('dataKeyId', 'is distinct from', kid)
          .orderBy('id')
          .limit(limit)
          .forUpdate()
          .execute(),
      reseal: async (trx, row) => {
        const clear = row.phoneSealed ? openColumn('phone', row.phoneSealed, keyring) : row.phone;
        await trx.updateTable('accounts').set(storedPhone(clear, keyring)).where('id', '=', row.id).execute();
      },
    },
    options,
  );
}
