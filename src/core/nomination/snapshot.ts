/**
 * A submitted nomination is a frozen snapshot of its form with a content hash: reviewers, the paper
 * copy and the audit trail can then prove they saw the same content. The hash is over a canonical
 * JSON text (object keys sorted at every level), so the order in which a browser or a database
 * returns keys never changes it. Web Crypto (`crypto.subtle`) exists in Node 24 and in browsers, so
 * the same code runs on both sides; it is asynchronous, hence so is `contentHash`.
 */

/**
 * JSON.stringify with object keys in code-unit order at every level. Follows JSON.stringify for
 * everything else (undefined properties dropped, undefined in arrays and non-finite numbers become
 * null), but refuses what JSON cannot represent faithfully (bigint, functions, symbols, cycles) instead
 * of silently changing it: a hash must never cover less than what was stored.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, path: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // -0 and 0 are the same content; JSON.stringify already writes both as 0 and NaN as null.
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`无法生成内容摘要：不支持的值类型 ${typeof value}`);
  }
  const object = value as object;
  if (path.has(object)) throw new TypeError('无法生成内容摘要：数据中存在循环引用');
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    return write((object as { toJSON: () => unknown }).toJSON(), path);
  }
  path.add(object);
  try {
    if (Array.isArray(object)) {
      return `[${object.map((item) => (item === undefined ? 'null' : write(item, path))).join(',')}]`;
    }
    const entries = Object.keys(object)
      .filter((key) => (object as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write((object as Record<string, unknown>)[key], path)}`);
    return `{${entries.join(',')}}`;
  } finally {
    path.delete(object);
  }
}

/** SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The content hash of a form: same content, in any key order, gives the same hash. */
export function contentHash(form: unknown): Promise<string> {
  return sha256Hex(canonicalJson(form));
}

export interface Snapshot<T> {
  /** A deep copy, frozen: later edits to the draft cannot reach it. */
  form: Readonly<T>;
  contentHash: string;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The snapshot stored at submission: a frozen deep copy of the canonical form and its hash. */
export async function takeSnapshot<T>(form: T): Promise<Snapshot<T>> {
  const text = canonicalJson(form);
  return { form: deepFreeze(JSON.parse(text) as T), contentHash: await sha256Hex(text) };
}
