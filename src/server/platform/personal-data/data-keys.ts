/**
 * The keys personal data is sealed with (docs/decisions/0016). `TUIJIE_DATA_KEY` is the current key
 * (base64 of 32 random bytes); `TUIJIE_DATA_KEYS_OLD` lists earlier keys (comma-separated), kept only
 * until `tuijie rotate-key` has resealed everything. A key is known by its id, derived from the key, so
 * nobody has to name keys and a wrong key is told apart from a right one without decrypting anything.
 * Matching (duplicate checks, the registry) uses a keyed hash with a key derived from the current key.
 */
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A key missing, malformed or not the one the data was sealed with: said to the operator as it is. */
export class DataKeyError extends Error {
  readonly forOperator = true;
}

export interface DataKeyring {
  /** Seals every new value. */
  current: { kid: string; key: Buffer };
  /** Every key that may open a stored value, the current one included, by id. */
  keys: ReadonlyMap<string, Buffer>;
  /** The HMAC-SHA-256 key of the match hashes, derived from the current key. */
  matchKey: Buffer;
}

/** The id of a key: 8 bytes of an HMAC of a fixed text under the key (the key itself stays secret). */
export const keyId = (key: Buffer) =>
  createHmac('sha256', key).update('tuijie data key id').digest('hex').slice(0, 16);

function decodeKey(name: string, text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== 32)
    throw new DataKeyError(
      `${name} 应为 32 字节随机数的 base64 编码（44 个字符，可用 openssl rand -base64 32 生成），当前的值不符合要求`,
    );
  return key;
}

export function dataKeyring(current: Buffer, old: readonly Buffer[] = []): DataKeyring {
  const keys = new Map<string, Buffer>();
  for (const key of [current, ...old]) keys.set(keyId(key), key);
  const matchKey = Buffer.from(hkdfSync('sha256', current, Buffer.alloc(0), 'tuijie match hash v1', 32));
  return { current: { kid: keyId(current), key: current }, keys, matchKey };
}

/** The keyring the environment gives; null when `TUIJIE_DATA_KEY` is not set. */
export function keyringFromEnv(env: NodeJS.ProcessEnv): DataKeyring | null {
  const current = env.TUIJIE_DATA_KEY?.trim();
  const old = (env.TUIJIE_DATA_KEYS_OLD ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '')
    .map((k) => decodeKey('TUIJIE_DATA_KEYS_OLD 中的每个旧密钥', k));
  if (!current) {
    if (old.length > 0)
      throw new DataKeyError('设置了 TUIJIE_DATA_KEYS_OLD 时须同时设置当前密钥 TUIJIE_DATA_KEY');
    return null;
  }
  return dataKeyring(decodeKey('环境变量 TUIJIE_DATA_KEY', current), old);
}

export const keyFileIn = (varDir: string) => path.join(varDir, 'data-key');

/**
 * The environment's keys, else the key kept in the var directory, else a new key written there
 * (owner-only): the one-command start needs no manual step. Production sets TUIJIE_DATA_KEY.
 */
export async function loadDataKeys(
  env: NodeJS.ProcessEnv,
  varDir: string,
): Promise<{ keyring: DataKeyring; note: string | null }> {
  const fromEnv = keyringFromEnv(env);
  if (fromEnv) return { keyring: fromEnv, note: null };
  const file = keyFileIn(varDir);
  if (existsSync(file)) {
    const key = decodeKey(`密钥文件 ${file}`, await readFile(file, 'utf8'));
    return { keyring: dataKeyring(key), note: null };
  }
  const key = randomBytes(32);
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return {
    keyring: dataKeyring(key),
    note: `未设置 TUIJIE_DATA_KEY：已生成个人信息加密密钥 ${file}（仅本账户可读）。请妥善备份；正式部署请在环境变量 TUIJIE_DATA_KEY 中设置密钥`,
  };
}

let installed: DataKeyring | null = null;

/**
 * The keyring of this process, set once at start (runtime.ts, the test database). The storage edge of
 * every module reads it here rather than through each function's arguments, as the clock is not:
 * sealing is not a decision a use case makes, it is how rows are written.
 */
export function installDataKeys(keyring: DataKeyring) {
  installed = keyring;
}

export function dataKeys(): DataKeyring {
  if (!installed) throw new Error('个人信息加密密钥尚未加载（程序错误：启动时应先加载密钥）');
  return installed;
}
