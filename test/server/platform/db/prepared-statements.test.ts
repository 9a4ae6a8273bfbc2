/**
 * Queries with parameters run as named prepared statements on their connection (prepared-statements.ts):
 * PostgreSQL's own list of a connection's prepared statements shows them, the answers stay the same, and
 * what cannot be prepared (no parameters, several statements, past the per-connection limit) still runs.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareStatements } from '#server/platform/db/prepared-statements.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const preparedOn = async (query: (text: string) => Promise<{ rows: { statement: string }[] }>) =>
  (await query('SELECT statement FROM pg_prepared_statements ORDER BY prepare_time')).rows.map(
    (r) => r.statement,
  );

describe('the platform’s connections', () => {
  it('prepare a parameterised query once and answer it as before', async () => {
    await database.db.connection().execute(async (conn) => {
      const names = async (like: string) =>
        (
          await conn
            .selectFrom('organisations')
            .select('name')
            .where('name', 'like', like)
            .orderBy('name')
            .execute()
        ).map((r) => r.name);
      const first = await names('%教育%');
      const again = await names('%教育%');
      const other = await names('%吉林%');
      expect(again).toEqual(first);
      expect(other.every((n) => n.includes('吉林'))).toBe(true);
      const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(
        conn,
      );
      const prepared = rows.filter((r) => r.statement.includes('from "organisations"'));
      // One statement for the three calls: the text is the same, the values differ.
      expect(prepared).toHaveLength(1);
    });
  });

  it('leave queries without parameters unprepared, several statements in one text included', async () => {
    await database.db.connection().execute(async (conn) => {
      await sql.raw('SELECT 1; SELECT 2').execute(conn);
      const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(
        conn,
      );
      expect(rows.some((r) => r.statement.includes('SELECT 1'))).toBe(false);
    });
  });
});

describe('prepareStatements on one connection', () => {
  it('prepares at most `limit` texts; the next ones still answer, unnamed', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      prepareStatements(client, 2);
      const answers = [];
      for (const text of ['SELECT $1::int + 1 AS n', 'SELECT $1::int + 2 AS n', 'SELECT $1::int + 3 AS n'])
        answers.push((await client.query(text, [1])).rows[0].n);
      expect(answers).toEqual([2, 3, 4]);
      expect(await preparedOn((t) => client.query(t))).toEqual([
        'SELECT $1::int + 1 AS n',
        'SELECT $1::int + 2 AS n',
      ]);
    } finally {
      await client.end();
    }
  });

  it('keeps working after a statement fails to prepare', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      prepareStatements(client);
      await expect(client.query('SELECT $1::int FROM no_such_table', [1])).rejects.toThrow(/no_such_table/);
      await expect(client.query('SELECT $1::int FROM no_such_table', [1])).rejects.toThrow(/no_such_table/);
      expect((await client.query('SELECT $1::int * 2 AS n', [21])).rows[0].n).toBe(42);
      expect(await preparedOn((t) => client.query(t))).toEqual(['SELECT $1::int * 2 AS n']);
    } finally {
      await client.end();
    }
  });
});
