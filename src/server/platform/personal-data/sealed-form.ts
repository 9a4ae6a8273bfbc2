/**
 * A nomination's form (or submitted snapshot) at the storage edge: sealed on write, opened on read for
 * those who may read it. Only the personal fields change (core/identity/personal-fields.ts); a value
 * already sealed under the current key is kept as it is, one under an older key is resealed.
 */

import { parseIdNumber } from '#core/identity/id-number.ts';
import { isPersonalField, isSealed } from '#core/identity/personal-fields.ts';
import type { DataKeyring } from './data-keys.ts';
import { matchHash, open, seal } from './envelope.ts';

type Form = Record<string, unknown>;

export function sealForm(form: Readonly<Form>, keyring: DataKeyring): Form {
  const sealed: Form = {};
  for (const [key, value] of Object.entries(form)) {
    if (!isPersonalField(key)) sealed[key] = value;
    else if (typeof value === 'string' && value !== '') sealed[key] = seal(key, value, keyring);
    else if (isSealed(value) && value.kid !== keyring.current.kid)
      sealed[key] = seal(key, open(key, value, keyring), keyring);
    else sealed[key] = value;
  }
  return sealed;
}

export function revealForm(form: Readonly<Form>, keyring: DataKeyring): Form {
  const clear: Form = {};
  for (const [key, value] of Object.entries(form))
    clear[key] = isPersonalField(key) && isSealed(value) ? open(key, value, keyring) : value;
  return clear;
}

/** The ids of the keys that sealed this form's values. */
export function keyIdsOf(form: Readonly<Form> | null | undefined): string[] {
  return Object.values(form ?? {}).flatMap((v) => (isSealed(v) ? [v.kid] : []));
}

export interface FormMatchHashes {
  idNumberHash: string | null;
  /** Of the birth date read from a valid ID number: lists without ID numbers match on name and birth date. */
  birthDateHash: string | null;
}

/** The keyed hashes stored beside a clear (or opened) form for the registry and the duplicate checks. */
export function formMatchHashes(form: Readonly<Form>, keyring: DataKeyring): FormMatchHashes {
  const id = typeof form.idNumber === 'string' ? form.idNumber : '';
  if (id.trim() === '') return { idNumberHash: null, birthDateHash: null };
  // Any day after every possible birth date: only the date's digits matter here, not its plausibility.
  const parsed = parseIdNumber(id, '9999-12-31');
  return {
    idNumberHash: matchHash('idNumber', id, keyring),
    birthDateHash: parsed.valid && parsed.birthDate ? birthDateHash(parsed.birthDate, keyring) : null,
  };
}

export const birthDateHash = (date: string, keyring: DataKeyring) => matchHash('birthDate', date, keyring);
