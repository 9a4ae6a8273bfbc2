/**
 * Bringing every nomination under the current data key (docs/decisions/0016): rows still clear
 * (written before migration 0021) are sealed, rows sealed with an older key are resealed, and their
 * match hashes recomputed with the current key's. In batches, each its own transaction, so a stop
 * loses nothing and a second run does only what is left; the content, version and times stay as they
 * were. Runs at every start (cli/runtime.ts) and as `tuijie rotate-key`.
 */
import type { Db } from '#server/platform/db/database.ts';
import type { DataKeyring } from '#server/platform/personal-data/data-keys.ts';
import { UnknownDataKeyError } from '#server/platform/personal-data/envelope.ts';
import { keyIdsOf, revealForm } from '#server/platform/personal-data/sealed-form.ts';
import { storedForm, storedSnapshot } from './stored-form.ts';

export interface ResealCounts {
  /** Rows that were clear and are now sealed. */
  sealed: number;
  /** Rows that were sealed with an older key and are now sealed with the current one. */
  rotated: number;
}

type Form = Record<string, unknown>;

/** Refuses to go on when rows are sealed with a key the keyring does not hold: nothing could read them. */
export async function assertDataKeysKnown(db: Db, keyring: DataKeyring) {
  const rows = await db
    .selectFrom('nominations')
    .select('dataKeyId')
    .distinct()
    .where('dataKeyId', 'is not', null)
    .execute();
  const unknown = rows.map((r) => r.dataKeyId!).find((kid) => !keyring.keys.has(kid));
  if (unknown) throw new UnknownDataKeyError(unknown);
}

export async function resealNominations(
  db: Db,
  keyring: DataKeyring,
  options: { batchSize?: number; onBatch?: (counts: ResealCounts) => void } = {},
): Promise<ResealCounts> {
  const counts: ResealCounts = { sealed: 0, rotated: 0 };
  const kid = keyring.current.kid;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('nominations')
        .select(['id', 'form', 'snapshot', 'dataKeyId'])
        .where('dataKeyId', 'is distinct from', kid)
        .orderBy('id')
        .limit(options.batchSize ?? 200)
        .forUpdate()
        .execute();
      for (const row of rows) {
        const form = (row.form ?? {}) as Form;
        const snapshot = row.snapshot as Form | null;
        const kids = [...keyIdsOf(form), ...keyIdsOf(snapshot)];
        const missing = kids.find((k) => !keyring.keys.has(k));
        if (missing) throw new UnknownDataKeyError(missing);
        await trx
          .updateTable('nominations')
          .set({
            ...storedForm(revealForm(form, keyring), keyring),
            snapshot: snapshot ? storedSnapshot(revealForm(snapshot, keyring), keyring) : null,
          })
          .where('id', '=', row.id)
          .execute();
        if (row.dataKeyId === null) counts.sealed++;
        else counts.rotated++;
      }
      return rows.length === 0;
    });
    if (done) return counts;
    options.onBatch?.({ ...counts });
  }
}
