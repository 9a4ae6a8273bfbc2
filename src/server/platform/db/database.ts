import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { reportUnlessStopping } from '../stopping.ts';
import { prepareStatements } from './prepared-statements.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

// A DATE is a calendar day, not an instant: keep PostgreSQL's YYYY-MM-DD instead of a local-midnight Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

// bigint ids and counts arrive as strings (no precision loss); queries convert counts themselves.
// JSON columns keep their own keys: only column names are translated between snake_case and camelCase.
export function createDb(url: string, max: number): Db {
  // A server that does not answer at all (its host down) fails a request after 10 s, answered as
  // "data unavailable", instead of holding it open for good.
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // An idle connection the server closes (a restart, an administrator, a database dropped while the
  // pool shuts down) is an 'error' event on the pool; unheard, it would bring the whole process down.
  // The pool drops that connection and opens a new one when next needed.
  pool.on('error', (error) =>
    reportUnlessStopping(error, () =>
      console.warn(`PostgreSQL 空闲连接被关闭，将自动重连：${error.message}`),
    ),
  );
  // A connection in use whose server goes away (PostgreSQL stopped by the same Ctrl-C as the app) emits
  // 'error' too, and pg-pool listens only while it is idle: unheard, that ends the process with a stack.
  // Its query fails with the same error, and the caller hears of it there.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    prepareStatements(client);
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  });
  pools.set(db, pool);
  return db;
}

const pools = new WeakMap<Db, pg.Pool>();

/** The connection pool behind a database handle made by `createDb`, for its use in metrics. */
export const poolOf = (db: Db): pg.Pool | undefined => pools.get(db);

/** Replace the database name in a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
