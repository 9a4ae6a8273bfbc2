import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { BackupManifest, TableDump } from './manifest.ts';
import { storedFileKeysQuery } from './stored-file-columns.ts';

const BATCH = 1000;

export interface DatabaseDump {
  migrations: BackupManifest['migrations'];
  tables: TableDump[];
  sequences: BackupManifest['sequences'];
  /** Every storage key a row refers to, as of the same snapshot. */
  fileKeys: string[];
  dataKeyIds: string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Dumps every table of the app's schema into `dir/database/`, all inside one REPEATABLE READ READ ONLY
 * transaction: one snapshot, as pg_dump takes, so rows written while it runs are either all in or all
 * out. Done by the app itself rather than pg_dump because the embedded PostgreSQL 18 ships no pg_dump and
 * a pg_dump of another major refuses the server; rows travel as `to_jsonb`, which every PostgreSQL from
 * 15 reads back exactly through `jsonb_populate_recordset`. The schema is not dumped: it is rebuilt from
 * the migrations listed, the same files that made it. The files folder's token stays behind: the restored
 * platform takes the folder it is restored into (storage/files-folder.ts).
 */
export async function dumpDatabase(
  url: string,
  dir: string,
  log: (line: string) => void,
): Promise<DatabaseDump> {
  await mkdir(path.join(dir, 'database'), { recursive: true, mode: 0o700 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (
      await client.query<{ version: number; name: string; checksum: string }>(
        'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
      )
    ).rows;
    const names = (
      await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            AND c.relname <> 'files_folder'
          ORDER BY c.relname`,
      )
    ).rows.map((r) => r.name);
    const tables: TableDump[] = [];
    for (const [i, name] of names.entries()) {
      const file = `database/${String(i + 1).padStart(3, '0')}_${name}.jsonl`;
      const dump = await dumpTable(client, name, path.join(dir, file));
      tables.push({ name, file, ...dump });
      log(`  表 ${name}：${dump.rows} 行`);
    }
    const sequences = (
      await client.query<{ name: string; lastValue: string | null }>(
        `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences
          WHERE schemaname = 'public' ORDER BY sequencename`,
      )
    ).rows;
    const fileKeys = (await client.query<{ key: string }>(await storedFileKeysQuery(client))).rows.map(
      (r) => r.key,
    );
    const dataKeyIds = (
      await client.query<{ id: string }>(
        'SELECT DISTINCT data_key_id AS id FROM nominations WHERE data_key_id IS NOT NULL ORDER BY 1',
      )
    ).rows.map((r) => r.id);
    await client.query('COMMIT');
    return { migrations, tables, sequences, fileKeys, dataKeyIds };
  } finally {
    await client.end();
  }
}

/** Streams one table through a cursor: never the whole table in memory. */
async function dumpTable(client: pg.Client, table: string, file: string) {
  const out = createWriteStream(file, { mode: 0o600 });
  const hash = createHash('sha256');
  let rows = 0;
  await client.query(
    `DECLARE dump_rows NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS row FROM ${quote(table)} t`,
  );
  for (;;) {
    const { rows: batch } = await client.query<{ row: string }>(`FETCH ${BATCH} FROM dump_rows`);
    if (batch.length === 0) break;
    const text = batch.map((r) => `${r.row}\n`).join('');
    hash.update(text);
    rows += batch.length;
    if (!out.write(text)) await once(out, 'drain');
  }
  await client.query('CLOSE dump_rows');
  out.end();
  await once(out, 'finish');
  return { rows, sha256: hash.digest('hex') };
}
