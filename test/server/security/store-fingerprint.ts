/**
 * A cheap fingerprint of everything a request could store: per table of the app's schema its row count
 * and newest row version (`xmin`: any insert or update makes a newer one, a delete lowers the count), and
 * the names of the files under the storage folder. Two equal fingerprints mean nothing was written in between.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '#server/platform/db/database.ts';

export type Fingerprint = Map<string, string>;

/**
 * Tables that a refused request may still write, with why: the session row is touched by every signed-in
 * request (idle time-out), whatever it asks.
 */
const TOUCHED_BY_EVERY_REQUEST = new Set(['sessions']);

export async function tablesOf(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  return rows.rows.map((r) => r.name).filter((name) => !TOUCHED_BY_EVERY_REQUEST.has(name));
}

export function fingerprinter(db: Db, tables: string[], filesDir: string): () => Promise<Fingerprint> {
  const query = tables
    .map(
      (table) =>
        `SELECT '${table}' AS name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS mark FROM "${table}"`,
    )
    .join(' UNION ALL ');
  // The job queue's newest start: background work (a build queued by an accepted request, a timed job)
  // that ran between two fingerprints writes on its own, so those two say nothing about the request.
  const jobs = `SELECT '${JOBS}' AS name, count(*) FILTER (WHERE state = 'active')::text || ':' || coalesce(max(started_on)::text, '') AS mark FROM pgboss.job`;
  return async () => {
    const rows = await sql<{ name: string; mark: string }>`${sql.raw(`${query} UNION ALL ${jobs}`)}`.execute(
      db,
    );
    const print: Fingerprint = new Map(rows.rows.map((r) => [`table ${r.name}`, r.mark]));
    for (const file of await filesUnder(filesDir)) print.set(`file ${file}`, 'present');
    return print;
  };
}

const JOBS = 'jobs started';

/** Whether a background job was running at either fingerprint or started between them. */
export function jobsRanBetween(before: Fingerprint, after: Fingerprint): boolean {
  const [activeBefore] = (before.get(`table ${JOBS}`) ?? '').split(':');
  return (
    jobsRunning(after) || activeBefore !== '0' || before.get(`table ${JOBS}`) !== after.get(`table ${JOBS}`)
  );
}

export function jobsRunning(print: Fingerprint): boolean {
  return !(print.get(`table ${JOBS}`) ?? '').startsWith('0:');
}

/** Waits until no queued job is due or running, so that what accepted requests set off has been done. */
export async function settleJobs(db: Db, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pgboss.job
      WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`.execute(db);
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The files under the storage folder by name (a stat of each would double the time of a fingerprint). */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** What differs between two fingerprints, for a failure message: `table nominations 3:812 -> 4:901`. */
export function differences(before: Fingerprint, after: Fingerprint): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .filter((k) => k !== `table ${JOBS}` && before.get(k) !== after.get(k))
    .map((k) => `${k} ${before.get(k) ?? '(none)'} -> ${after.get(k) ?? '(none)'}`);
}
