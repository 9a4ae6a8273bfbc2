import { copyFile, mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate } from '#server/platform/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((d) => d.drop())));

/**
 * Migration 0007 gives the registry its natural key. A database where a list was imported twice
 * before it keeps the first import of each record, and the rest of its records as they were.
 */
describe('migration 0007: the registry’s natural key', () => {
  it('keeps one record per person or programme, round and year, the first imported', async () => {
    const database = await createTestDatabase({ migrated: false });
    databases.push(database);
    const before = await mkdtemp(path.join(os.tmpdir(), 'migrations-before-0007-'));
    for (const file of await readdir(MIGRATIONS_DIR))
      if (file < '0007') await copyFile(path.join(MIGRATIONS_DIR, file), path.join(before, file));
    await migrate(database.url, before);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      // SQL on purpose: rows as the schema before 0007 held them (duplicates the migration must fold), which no service of today can make.
      const org = await client.query(
        `INSERT INTO organisations (path, name, type) VALUES ('/x/', '中国成人教育协会', 'national_organiser') RETURNING id`,
      );
      const insert = (name: string, id: string | null, importedAt: string, unit = '某社区') =>
        client.query(
          `INSERT INTO previous_winners (organisation_id, year, level, category, name, work_unit, id_number, imported_at)
           VALUES ($1, 2022, 'national', 'star', $2, $3, $4, $5)`,
          [org.rows[0].id, name, unit, id, importedAt],
        );
      await insert('张三', '220102198001011235', '2024-01-01');
      await insert('张三', '220102198001011235', '2024-02-01', '某社区（第二次导入）');
      await insert('李四', null, '2024-01-01');
      await insert('李四', null, '2024-02-01');
      await insert('王五', null, '2024-01-01');

      await migrate(database.url);
      const { rows } = await client.query(
        'SELECT name, work_unit, natural_key FROM previous_winners ORDER BY name, work_unit',
      );
      expect(rows).toEqual([
        { name: '张三', work_unit: '某社区', natural_key: '220102198001011235' },
        { name: '李四', work_unit: '某社区', natural_key: '李四||某社区' },
        { name: '王五', work_unit: '某社区', natural_key: '王五||某社区' },
      ]);
      await expect(insert('王五', null, '2024-03-01')).rejects.toThrow(/previous_winners_natural_key/);
    } finally {
      await client.end();
    }
  });
});
