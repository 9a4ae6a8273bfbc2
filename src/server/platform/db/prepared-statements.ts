/**
 * Every query with parameters runs as a named prepared statement on its connection, named by its text:
 * PostgreSQL parses and plans a statement once per connection and, after a few runs, keeps a generic
 * plan, instead of parsing and planning it on every call. Kysely sends each query unnamed; under the
 * deadline-day load (bench/scale-out.bench.ts, measured with pg_stat_statements) PostgreSQL spent twice as
 * long planning the platform's statements as running them, the session lookup most of all.
 *
 * A query without parameters (BEGIN, COMMIT, several statements in one text) is left as it is: a prepared
 * statement holds exactly one. Past `limit` distinct texts on one connection (lists of varying length make
 * new texts), further ones run unnamed, so a long-lived connection's memory stays bounded.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

export const PREPARED_PER_CONNECTION = 300;

export function prepareStatements(client: pg.ClientBase, limit = PREPARED_PER_CONNECTION): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (name === undefined && names.size < limit) {
      name = `tj_${createHash('sha1').update(text).digest('base64url')}`;
      names.set(text, name);
    }
    return name;
  };
  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
      const name = nameOf(config);
      if (name !== undefined) return query({ name, text: config, values });
    }
    return query(config, values, callback);
  }) as typeof client.query;
}
