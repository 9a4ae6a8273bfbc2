import { type DataKeyring, dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { matchHash } from '#server/platform/personal-data/envelope.ts';

/**
 * The keyed hash of an objector's phone (decision 0016): a status lookup is checked against it without
 * opening the identity. Keyed, because a plain hash of an 11-digit number is reversed by trying them all.
 */
export const phoneHash = (phone: string, keyring: DataKeyring = dataKeys()) =>
  matchHash('phone', phone, keyring) ?? '';
