/**
 * Public changes across processes on one database (issue #16 item 1): a change said in one process reaches
 * the other's site (its cache and its published files), and its own site once, not twice; after the
 * listening connection is cut (a PostgreSQL restart, a network drop) it is opened again and the site is
 * told once for whatever was missed.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicPages } from '#server/platform/public-pages.ts';
import { type SharedPublicPages, sharePublicPages } from '#server/platform/public-pages-channel.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';

let database: TestDatabase;
let a: SharedPublicPages;
let b: SharedPublicPages;
const heard = { a: 0, b: 0 };

async function until(check: () => boolean, what: string) {
  for (const end = Date.now() + 30_000; !check(); ) {
    if (Date.now() > end) throw new Error(`${what} did not happen within 30 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  a = await sharePublicPages(createPublicPages(), database.db, database.url);
  b = await sharePublicPages(createPublicPages(), database.db, database.url);
  a.publicPages.onChange(() => {
    heard.a += 1;
  });
  b.publicPages.onChange(() => {
    heard.b += 1;
  });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
});

describe('a public change', () => {
  it('reaches the other process, and its own once', async () => {
    const before = { ...heard };
    await a.publicPages.changed();
    expect(heard.a).toBe(before.a + 1);
    await until(() => heard.b === before.b + 1, 'the other process hearing it');
    // Its own notification came back too by now (same connection order): still told once.
    await b.publicPages.changed();
    await until(() => heard.a === before.a + 2, 'the first process hearing the second');
    expect(heard).toEqual({ a: before.a + 2, b: before.b + 2 });
  });

  it('still reaches a process whose listening connection was cut, which catches up once back', async () => {
    const { rows } = await sql<{ cut: boolean }>`
      select pg_terminate_backend(pid) as cut from pg_stat_activity
      where datname = current_database() and application_name = 'tuijie-public-pages'`.execute(database.db);
    expect(rows.filter((r) => r.cut)).toHaveLength(2);
    const before = { ...heard };
    // Back after its pause: each process tells its site once for what it may have missed.
    await until(() => heard.a > before.a && heard.b > before.b, 'both processes catching up');
    const after = { ...heard };
    await a.publicPages.changed();
    await until(() => heard.b === after.b + 1, 'the other process hearing a change after the cut');
    expect(heard.a).toBe(after.a + 1);
  });
});
