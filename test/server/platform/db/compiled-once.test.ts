/**
 * A query compiled once (compiled-once.ts) answers each call with that call's values, exactly as the
 * query built anew would, inside a transaction too; the builder's own constants stay; an argument that
 * would shape the query rather than be one of its values is refused on the first call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce } from '#server/platform/db/compiled-once.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';

let database: TestDatabase;
/** Organisations of two types and two provinces, one disabled, written by the test. */
const ROWS = [
  ['吉林省教育厅', 'provincial_edu', false],
  ['吉林市教育局', 'city_edu', false],
  ['长春市教育局', 'city_edu', true],
  ['浙江省教育厅', 'provincial_edu', false],
  ['杭州市教育局', 'city_edu', false],
] as const;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db
    .insertInto('organisations')
    .values(ROWS.map(([name, type, disabled], i) => ({ name, type, disabled, path: `/compiled-once-${i}/` })))
    .execute();
});
afterAll(() => database.drop());

const build = (db: TestDatabase['db'], like: string, type: string) =>
  db
    .selectFrom('organisations')
    .select(['name', 'type'])
    .where('name', 'like', like)
    .where('type', '=', type as 'city_edu')
    .where('disabled', '=', false)
    .orderBy('name');

describe('a query compiled once', () => {
  it('answers every call with its own values, as the query built anew does', async () => {
    const { db } = database;
    const query = compiledOnce(build);
    const calls = [
      ['吉林%', 'city_edu', ['吉林市教育局']],
      ['%教育%', 'city_edu', ['吉林市教育局', '杭州市教育局']],
      ['%教育%', 'provincial_edu', ['吉林省教育厅', '浙江省教育厅']],
      ['长春%', 'city_edu', []],
      ['%没有这样的单位%', 'provincial_edu', []],
    ] as const;
    for (const [like, type, names] of calls) {
      const rows = await query.all(db, like, type);
      expect(rows.map((r) => r.name).sort()).toEqual([...names].sort());
      expect(rows).toEqual(await build(db, like, type).execute());
      expect(await query.first(db, like, type)).toEqual(rows[0]);
    }
  });

  it('runs in the caller’s transaction and says how many rows a statement touched', async () => {
    const { db } = database;
    const rename = compiledOnce((trx, from: string, to: string) =>
      trx.updateTable('organisations').set({ name: to }).where('name', '=', from),
    );
    const name = '杭州市教育局';
    await expect(
      db.transaction().execute(async (trx) => {
        expect(await rename.run(trx, name, `${name}（改）`)).toBe(1n);
        expect(await rename.run(trx, '没有这样的单位', 'x')).toBe(0n);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(
      await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirst(),
    ).toBeDefined();
  });

  it('refuses an argument that does not reach the query as a value', async () => {
    const branching = compiledOnce((db, like: string, _unused: string) =>
      db.selectFrom('organisations').select('name').where('name', 'like', like),
    );
    await expect(branching.all(database.db, '%', 'x')).rejects.toThrow(/argument 1 is not a value/);
  });
});
