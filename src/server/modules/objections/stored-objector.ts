/**
 * The objector's identity at the storage edge (decision 0016, migration 0030): the whole identity (name,
 * 身份证号, workplace or unit, contact, phone) sealed as one envelope in place of the JSON, with the keyed
 * hash of the phone the status lookup compares. Opened only for the logged view of a handler who may
 * see it (view-objections.ts).
 */
import { isSealed } from '#core/identity/personal-fields.ts';
import type { Objector } from '#core/objection/input.ts';
import { type DataKeyring, dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { open, seal } from '#server/platform/personal-data/envelope.ts';
import { phoneHash } from './phone-hash.ts';

/** The columns an objector is written to. */
export function storedObjector(objector: Objector, keyring: DataKeyring = dataKeys()) {
  return {
    objector: JSON.stringify(seal('objector', JSON.stringify(objector), keyring)),
    phoneHash: phoneHash(objector.phone, keyring),
    dataKeyId: keyring.current.kid,
  };
}

/** The identity as stored: opened when sealed; clear JSON only in a row not sealed yet (before 0030). */
export function openedObjector(stored: unknown, keyring: DataKeyring = dataKeys()): Objector {
  return (isSealed(stored) ? JSON.parse(open('objector', stored, keyring)) : stored) as Objector;
}
