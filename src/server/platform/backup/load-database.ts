import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { migrate, readMigrations } from '../db/migrate.ts';
import { type BackupManifest, BackupRefused } from './manifest.ts';

const BATCH = 500;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Refuses a database that holds anything of the platform: a table of the app's schema with rows, or the
 * migrations table (a platform started once). A restore never merges into or overwrites data.
 */
export async function assertDatabaseEmpty(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ name: string }>(
        `SELECT relname AS name FROM pg_class
          WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY relname`,
      )
    ).rows.map((r) => r.name);
    const filled: string[] = [];
    for (const name of tables) {
      const { rowCount } = await client.query(`SELECT 1 FROM ${quote(name)} LIMIT 1`);
      if (rowCount) filled.push(name);
    }
    if (filled.length > 0 || tables.includes('schema_migrations'))
      throw new BackupRefused(
        `目标数据库不是空的（${filled.length ? `已有数据的表：${filled.slice(0, 5).join('、')}${filled.length > 5 ? ` 等 ${filled.length} 张` : ''}` : '平台已在其上启动过'}），恢复已取消，数据库未作任何改动。` +
          '恢复只能在空数据库上进行：请新建一个空数据库并以 DATABASE_URL 指向它，或在停止平台后移走内置数据库目录（var/pg）再恢复。',
      );
  } finally {
    await client.end();
  }
}

/**
 * Builds the schema from the backup's own migrations (refusing a backup made by a newer version), loads
 * every table in one transaction, puts the sequences back, then applies the migrations made since.
 */
export async function loadDatabase(
  url: string,
  dir: string,
  manifest: BackupManifest,
  log: (line: string) => void,
): Promise<string[]> {
  await migrateAsBackup(url, manifest);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Foreign keys are dropped for the load and added back at its end, which checks every row against
    // them: tables load in any order, with no superuser needed to switch triggers off.
    const foreignKeys = (
      await client.query<{ table: string; name: string; definition: string }>(
        `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
           FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
      )
    ).rows;
    for (const fk of foreignKeys)
      await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${quote(fk.name)}`);
    // The migrations just applied wrote their own rows (applied now); the backup's rows replace them.
    await client.query('DELETE FROM schema_migrations');
    for (const table of manifest.tables) {
      await loadTable(client, table.name, path.join(dir, table.file));
      log(`  表 ${table.name}：${table.rows} 行`);
    }
    for (const fk of foreignKeys)
      await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${quote(fk.name)} ${fk.definition}`);
    for (const s of manifest.sequences)
      if (s.lastValue !== null)
        await client.query('SELECT setval($1, $2::bigint)', [`public.${quote(s.name)}`, s.lastValue]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
  return migrate(url);
}

async function migrateAsBackup(url: string, manifest: BackupManifest): Promise<void> {
  const known = new Map((await readMigrations()).map((m) => [m.version, m]));
  const folder = await mkdtemp(path.join(os.tmpdir(), 'tuijie-restore-'));
  try {
    for (const m of manifest.migrations) {
      const mine = known.get(m.version);
      if (!mine || mine.checksum !== m.checksum)
        throw new BackupRefused(
          `备份来自不同版本的平台（迁移 ${m.name} ${mine ? '内容不同' : '本程序没有'}）：请用生成备份的版本或更新的版本恢复`,
        );
      await writeFile(path.join(folder, `${m.name}.sql`), mine.sql);
    }
    await migrate(url, folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function loadTable(client: pg.Client, table: string, file: string): Promise<void> {
  const columns = (
    await client.query<{ name: string }>(
      `SELECT attname AS name FROM pg_attribute
        WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
        ORDER BY attnum`,
      [`public.${quote(table)}`],
    )
  ).rows.map((r) => quote(r.name));
  const list = columns.join(', ');
  const insert = `INSERT INTO ${quote(table)} (${list}) OVERRIDING SYSTEM VALUE
    SELECT ${list} FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb)`;
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length) await client.query(insert, [`[${batch.join(',')}]`]);
    batch = [];
  };
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
}
