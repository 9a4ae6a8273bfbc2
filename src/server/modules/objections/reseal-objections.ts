/**
 * Bringing objectors' identities under the current data key (decision 0016, migration 0030): a row
 * still clear is sealed and its phone hash taken with the keyed hash, a row under an older key is
 * resealed and rehashed. Runs at every start and as `tuijie rotate-key` (cli/reseal-personal-data.ts);
 * the objection's state, dates and version stay as they were.
 */
import type { Db } from '#server/platform/db/database.ts';
import type { DataKeyring } from '#server/platform/personal-data/data-keys.ts';
import { type ResealOptions, resealInBatches } from '#server/platform/personal-data/reseal-batches.ts';
import { openedObjector, storedObjector } from './stored-objector.ts';

export function resealObjections(db: Db, keyring: DataKeyring, options: ResealOptions = {}) {
  return resealInBatches(
    db,
    keyring,
    {
      pending: (trx, kid, limit) =>
        trx
          .selectFrom('objections')
          .select(['id', 'objector', 'dataKeyId'])
          .where('dataKeyId', 'is distinct from', kid)
          .orderBy('id')
          .limit(limit)
          .forUpdate()
          .execute(),
      reseal: async (trx, row) => {
        await trx
          .updateTable('objections')
          .set(storedObjector(openedObjector(row.objector, keyring), keyring))
          .where('id', '=', row.id)
          .execute();
      },
    },
    options,
  );
}
