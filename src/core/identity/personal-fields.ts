/**
 * The form fields that hold sensitive personal information (PIPL): a star's 身份证号, 联系电话 and
 * 通讯地址, a project's contact phone. At rest each is sealed (docs/decisions/0016): the stored value
 * is an envelope in place of the text, carrying the ciphertext and the masked text, so a reader who may
 * not see the value gets the mask without the key ever being used for them. This is the one place
 * that says how each field is masked.
 */
import { maskIdNumber } from './id-number.ts';
import { normaliseIdentifier, removeWhitespace, toHalfWidth } from './normalise.ts';
import { maskPhone, parsePhone } from './phone.ts';

/** A sealed value as stored in the form's JSON: AES-256-GCM under the key `kid`, base64 parts. */
export interface SealedValue {
  v: 1;
  kid: string;
  iv: string;
  tag: string;
  ct: string;
  /** What a reader without the right to the value sees (maskPersonal). */
  mask: string;
}

/** Field name → how it is masked. Field names are distinct across the star and project forms. */
const MASKS: Record<string, (raw: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  contactPhone: maskPhone,
  address: maskAddress,
};

export const PERSONAL_FIELDS: readonly string[] = Object.keys(MASKS);

export const isPersonalField = (field: string) => Object.hasOwn(MASKS, field);

export function isSealed(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.v === 1 && ['kid', 'iv', 'tag', 'ct', 'mask'].every((k) => typeof v[k] === 'string');
}

/**
 * An address to recognise, not to visit: the first 6 characters (province and city, as Chinese
 * addresses start) and a fixed run of stars, so not even the length of the rest shows.
 */
export function maskAddress(raw: string): string {
  const characters = [...raw.trim()];
  if (characters.length <= 6) return '****';
  return `${characters.slice(0, 6).join('')}****`;
}

/** The masked text of a personal field's clear value. */
export function maskPersonal(field: string, raw: string): string {
  const mask = MASKS[field];
  return mask && raw.trim() !== '' ? mask(raw) : raw;
}

/** A personal field as someone without the right to read it sees it: sealed or clear, the mask. */
export function concealValue(field: string, value: unknown): unknown {
  if (isSealed(value)) return value.mask;
  return typeof value === 'string' ? maskPersonal(field, value) : value;
}

/** The form with every personal field masked (and nothing sealed left in it). */
export function concealForm(form: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form))
    shown[key] = isPersonalField(key) ? concealValue(key, value) : value;
  return shown;
}

/**
 * The value a keyed hash is taken of, so the same person matches however the number was typed:
 * an ID number half-width, without spaces, X upper case; a phone as parsed; an address without spaces.
 */
export function matchText(field: string, raw: string): string {
  if (field === 'idNumber') return normaliseIdentifier(raw);
  if (field === 'phone' || field === 'contactPhone') return parsePhone(raw).normalised;
  return removeWhitespace(toHalfWidth(raw));
}
