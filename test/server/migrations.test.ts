import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate } from '#server/platform/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((d) => d.drop())));

/** Tables, columns, indexes and constraints: what "the same schema" means here. */
async function schemaOf(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS d
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`,
    );
    const indexes = await client.query(
      `SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
    );
    const constraints = await client.query(
      `SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1`,
    );
    return [...columns.rows, ...indexes.rows, ...constraints.rows].map((r) => r.d);
  } finally {
    await client.end();
  }
}

async function fresh() {
  const database = await createTestDatabase({ migrated: false });
  databases.push(database);
  return database;
}

describe('migrations', () => {
  it('bring a fresh database and an already-migrated one to the same schema', async () => {
    const a = await fresh();
    const applied = await migrate(a.url);
    expect(applied.length).toBe((await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).length);
    const b = await fresh();
    await migrate(b.url);
    expect(await migrate(b.url)).toEqual([]);
    expect(await schemaOf(b.url)).toEqual(await schemaOf(a.url));
    expect((await schemaOf(a.url)).some((d) => d.startsWith('audit_log.'))).toBe(true);
  });

  it('refuses to run when an applied migration file was rewritten', async () => {
    const db = await fresh();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    for (const f of await readdir(MIGRATIONS_DIR))
      await writeFile(path.join(dir, f), await readFile(path.join(MIGRATIONS_DIR, f)));
    await migrate(db.url, dir);
    const first = (await readdir(dir)).sort()[0]!;
    await writeFile(path.join(dir, first), `${await readFile(path.join(dir, first), 'utf8')}\n-- edited`);
    await expect(migrate(db.url, dir)).rejects.toThrow(/已执行过，但文件内容已被修改/);
  });

  it('rolls back a failing migration and records nothing of it', async () => {
    const db = await fresh();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    await writeFile(path.join(dir, '0001_ok.sql'), 'CREATE TABLE a (id int);');
    await writeFile(path.join(dir, '0002_broken.sql'), 'CREATE TABLE b (id int); SELECT no_such_function();');
    await expect(migrate(db.url, dir)).rejects.toThrow(/0002_broken/);
    const schema = await schemaOf(db.url);
    expect(schema.some((d) => d.startsWith('a.id'))).toBe(true);
    expect(schema.some((d) => d.startsWith('b.id'))).toBe(false);
  });
});
