/**
 * The storage edge of a nomination's personal data (docs/decisions/0016): every write of a form or a
 * snapshot goes through here and is sealed, with the keyed hashes matching compares; reads are opened
 * only by the functions that serve those who may read them (queries.ts).
 */
import { type DataKeyring, dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { formMatchHashes, revealForm, sealForm } from '#server/platform/personal-data/sealed-form.ts';

type Form = Record<string, unknown>;

/** The columns a form is written to: sealed JSON, its match hashes and the key. */
export function storedForm(form: Readonly<Form>, keyring: DataKeyring = dataKeys()) {
  const clear = revealForm(form, keyring);
  return {
    form: JSON.stringify(sealForm(clear, keyring)),
    ...formMatchHashes(clear, keyring),
    dataKeyId: keyring.current.kid,
  };
}

/** A snapshot (the form and its files) as written. */
export const storedSnapshot = (snapshot: Readonly<Form>, keyring: DataKeyring = dataKeys()) =>
  JSON.stringify(sealForm(snapshot, keyring));

/** A form as stored, opened (one already clear is returned as it is). */
export const openedForm = (form: Readonly<Form>) => revealForm(form, dataKeys());

/** A row's form and snapshot opened, for a reader who may see them whole. */
export function openedNomination<T extends { form: unknown; snapshot: unknown }>(row: T): T {
  const keyring = dataKeys();
  return {
    ...row,
    form: revealForm((row.form ?? {}) as Form, keyring),
    snapshot: row.snapshot ? revealForm(row.snapshot as Form, keyring) : row.snapshot,
  };
}
