import type pg from 'pg';

/**
 * Columns named `*_key` that hold something other than a storage key. Every other text column so named in
 * the app's schema (storage_key, preview_key, pdf_key, …) names a stored file, so a table added later is
 * backed up without touching this file; a new `*_key` column that is not a file belongs here.
 */
const NOT_FILE_KEYS = new Set(['dedupe_key', 'natural_key', 'set_key']);

/** A query listing every distinct storage key the rows refer to (column `key`), sorted. */
export async function storedFileKeysQuery(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ table: string; column: string }>(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name LIKE '%\\_key' AND data_type = 'text'
      ORDER BY table_name, column_name`,
  );
  const parts = rows
    .filter((r) => !NOT_FILE_KEYS.has(r.column))
    .map((r) => `SELECT "${r.column}" AS key FROM "${r.table}" WHERE "${r.column}" IS NOT NULL`);
  return parts.length ? `${parts.join(' UNION ')} ORDER BY 1` : 'SELECT NULL::text AS key WHERE false';
}
