/**
 * A canonical JSON text: the same content gives the same text whatever the order of its keys, which
 * PostgreSQL's jsonb, a browser and a spread object each choose differently. Content hashes and
 * "did this change?" comparisons are made on it.
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
