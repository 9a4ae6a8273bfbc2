/**
 * Bringing every nomination under the current data key (docs/decisions/0016): rows still clear
 * (written before migration 0021) are sealed, rows sealed with an older key are resealed, and their
 * match hashes recomputed with the current key's. In batches, each its own transaction, so a stop
 * loses nothing and a second run does only what is left; the content, version and times stay as they
 * were. Runs at every start and as `tuijie rotate-key` (cli/reseal-personal-data.ts).
 */
import type { Db } from '#server/platform/db/database.ts';
import type { DataKeyring } from '#server/platform/personal-data/data-keys.ts';
import { UnknownDataKeyError } from '#server/platform/personal-data/envelope.ts';
import { type ResealOptions, resealInBatches } from '#server/platform/personal-data/reseal-batches.ts';
import { keyIdsOf, revealForm } from '#server/platform/personal-data/sealed-form.ts';
import { storedForm, storedSnapshot } from './stored-form.ts';

type Form = Record<string, unknown>;

export function resealNominations(db: Db, keyring: DataKeyring, options: ResealOptions = {}) {
  return resealInBatches(
    db,
    keyring,
    {
      pending: (trx, kid, limit) =>
        trx
          .selectFrom('nominations')
          .select(['id', 'form', 'snapshot', 'dataKeyId'])
          .where('dataKeyId', 'is distinct from', kid)
          .orderBy('id')
          .limit(limit)
          .forUpdate()
          .execute(),
      reseal: async (trx, row) => {
        const form = (row.form ?? {}) as Form;
        const snapshot = row.snapshot as Form | null;
        const missing = [...keyIdsOf(form), ...keyIdsOf(snapshot)].find((k) => !keyring.keys.has(k));
        if (missing) throw new UnknownDataKeyError(missing);
        await trx
          .updateTable('nominations')
          .set({
            ...storedForm(revealForm(form, keyring), keyring),
            snapshot: snapshot ? storedSnapshot(revealForm(snapshot, keyring), keyring) : null,
          })
          .where('id', '=', row.id)
          .execute();
      },
    },
    options,
  );
}
