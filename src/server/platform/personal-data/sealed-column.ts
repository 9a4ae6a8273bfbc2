/**
 * One personal value kept in a column of its own (docs/decisions/0016): the envelope as JSON in a
 * `<name>_sealed` column, its keyed match hash beside it, the key's id on the row. Used where a table
 * holds a single value rather than a form: the registry's ID numbers, experts' ID numbers, accounts'
 * phones. The mask travels in the envelope, so a list shows it without opening anything.
 */
import { isSealed, type SealedValue } from '#core/identity/personal-fields.ts';
import type { DataKeyring } from './data-keys.ts';
import { matchHash, open, seal } from './envelope.ts';

/** The sealed JSON (for a jsonb column) and match hash of a clear value; nulls for none. */
export function sealedColumn(field: string, clear: string | null | undefined, keyring: DataKeyring) {
  const text = clear?.trim() ? clear : null;
  return {
    sealed: text === null ? null : JSON.stringify(seal(field, text, keyring)),
    hash: text === null ? null : matchHash(field, text, keyring),
  };
}

/**
 * The columns of a 身份证号 stored sealed (registry and experts): the clear column emptied, the envelope,
 * its match hash, and the key the row is now under.
 */
export function sealedIdNumberColumns(clear: string | null | undefined, keyring: DataKeyring) {
  const id = sealedColumn('idNumber', clear, keyring);
  return { idNumber: null, idNumberSealed: id.sealed, idNumberHash: id.hash, dataKeyId: keyring.current.kid };
}

/** The clear value of a stored envelope (null for none), for a reader who may see it whole. */
export function openColumn(field: string, stored: unknown, keyring: DataKeyring): string | null {
  if (stored === null || stored === undefined) return null;
  if (!isSealed(stored)) throw new Error(`个人信息（${field}）的存储格式不正确`);
  return open(field, stored, keyring);
}

/** What a reader without the right to the value sees: the mask kept in the envelope. */
export const maskOfColumn = (stored: unknown): string | null =>
  isSealed(stored) ? (stored as SealedValue).mask : null;
