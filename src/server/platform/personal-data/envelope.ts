/**
 * Sealing one personal value: AES-256-GCM with a fresh 12-byte IV, the field's name as associated data
 * (an ID number's envelope cannot be passed off as a phone's), and the key's id beside it so the right
 * key opens it after a rotation. Opening checks the tag: a wrong key or a changed byte is an error,
 * never garbage.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import {
  isPersonalField,
  maskPersonal,
  matchText,
  type SealedValue,
} from '#core/identity/personal-fields.ts';
import { DataKeyError, type DataKeyring } from './data-keys.ts';

const aad = (field: string) => Buffer.from(`tuijie:${field}`);

// Given as bytes, a key is made into a key object on every call: a tenth of a save's CPU under load,
// as a form has several sealed fields. Made once per key instead.
const secrets = new WeakMap<Buffer, KeyObject>();
function secretOf(key: Buffer): KeyObject {
  let secret = secrets.get(key);
  if (!secret) {
    secret = createSecretKey(key);
    secrets.set(key, secret);
  }
  return secret;
}

export function seal(field: string, clear: string, keyring: DataKeyring): SealedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretOf(keyring.current.key), iv).setAAD(aad(field));
  const ct = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
  return {
    v: 1,
    kid: keyring.current.kid,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ct: ct.toString('base64'),
    // A value without a mask of its own (an objector's whole identity) shows nothing of itself.
    mask: isPersonalField(field) ? maskPersonal(field, clear) : '****',
  };
}

export class UnknownDataKeyError extends DataKeyError {
  readonly kid: string;
  constructor(kid: string) {
    super(
      `个人信息由编号为 ${kid} 的密钥加密，当前配置的密钥中没有它：请检查 TUIJIE_DATA_KEY，轮换期间请把旧密钥保留在 TUIJIE_DATA_KEYS_OLD 中`,
    );
    this.kid = kid;
  }
}

export function open(field: string, sealed: SealedValue, keyring: DataKeyring): string {
  const key = keyring.keys.get(sealed.kid);
  if (!key) throw new UnknownDataKeyError(sealed.kid);
  try {
    const decipher = createDecipheriv('aes-256-gcm', secretOf(key), Buffer.from(sealed.iv, 'base64'))
      .setAAD(aad(field))
      .setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new DataKeyError(
      `个人信息（${field}）无法用编号为 ${sealed.kid} 的密钥解密：数据已损坏或密钥不正确`,
    );
  }
}

/** The keyed hash the registry and the duplicate checks compare instead of the value itself. */
export function matchHash(field: string, clear: string, keyring: DataKeyring): string | null {
  const text = matchText(field, clear);
  if (text === '') return null;
  return createHmac('sha256', secretOf(keyring.matchKey)).update(`${field}\u0000${text}`).digest('hex');
}
