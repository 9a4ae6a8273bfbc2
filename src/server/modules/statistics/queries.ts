/**
 * The dashboards' figures as SQL aggregates: each query groups in PostgreSQL and returns a few dozen
 * rows at most, whatever the number of nominations (bench/statistics.bench.ts holds them to 200 ms at
 * 100,000 nominations; migration 0024 has their indexes). What is read from the forms (sector, groups,
 * participations, sex, age band) comes from nomination_facts, which nomination-facts.ts brings up to date
 * for the scope first.
 */
import { type RawBuilder, sql } from 'kysely';
import type { AgeBand } from '#core/statistics/age-bands.ts';
import type { Db } from '#server/platform/db/database.ts';
import { inScope, isEmptyScope, type Scope, WINNER } from './scope-sql.ts';

export type { Scope } from './scope-sql.ts';

async function rows<T>(db: Db, scope: Scope, query: RawBuilder<T>): Promise<T[]> {
  if (isEmptyScope(scope)) return [];
  return (await query.execute(db)).rows;
}

const WITH_FACTS = sql`nominations n join nomination_facts f on f.nomination_id = n.id`;

export interface Counted {
  nominations: number;
  winners: number;
}
const counts = sql`count(*)::int as nominations, (count(*) filter (where ${WINNER}))::int as winners`;

/** Per reporting unit and category: the base of the province, unit-type and category tables. */
export const countsByUnit = (db: Db, scope: Scope) =>
  rows(
    db,
    scope,
    sql<Counted & { unit: string; category: string }>`
      select n.unit_id as unit, n.category, ${counts}
      from nominations n where ${inScope(scope)}
      group by n.unit_id, n.category`,
  );

/** Stars per 所属群体 as written (a star may be in more than one group). */
export const countsByFocusGroup = (db: Db, scope: Scope) =>
  rows(
    db,
    scope,
    sql<Counted & { value: string }>`
      select g.value, ${counts}
      from ${WITH_FACTS} cross join lateral unnest(f.focus_groups) as g(value)
      where ${inScope(scope)} and n.category = 'star'
      group by g.value`,
  );

export const countsBySector = (db: Db, scope: Scope) =>
  rows(
    db,
    scope,
    sql<Counted & { sector: string; category: string }>`
      select f.sector, n.category, ${counts}
      from ${WITH_FACTS} where ${inScope(scope)}
      group by f.sector, n.category`,
  );

/** Stars per sex, read from the 身份证号 (the form asks neither sex nor age). */
export const countsBySex = (db: Db, scope: Scope) =>
  rows(
    db,
    scope,
    sql<Counted & { sex: string }>`
      select f.sex, ${counts}
      from ${WITH_FACTS} where ${inScope(scope)} and n.category = 'star'
      group by f.sex`,
  );

/** Stars per age band in their campaign's year. */
export const countsByAgeBand = (db: Db, scope: Scope) =>
  rows(
    db,
    scope,
    sql<Counted & { band: AgeBand }>`
      select f.age_band as band, ${counts}
      from ${WITH_FACTS} where ${inScope(scope)} and n.category = 'star'
      group by f.age_band`,
  );

export interface Participation {
  projects: number;
  onlineOnly: number;
  offlineOnly: number;
  both: number;
  online: number;
  offline: number;
}

export async function projectParticipation(db: Db, scope: Scope): Promise<Participation> {
  const [row] = await rows(
    db,
    scope,
    sql<Participation>`
      select count(*)::int as projects,
        (count(*) filter (where f.online > 0 and f.offline = 0))::int as "onlineOnly",
        (count(*) filter (where f.offline > 0 and f.online = 0))::int as "offlineOnly",
        (count(*) filter (where f.online > 0 and f.offline > 0))::int as both,
        coalesce(sum(f.online), 0)::float8 as online,
        coalesce(sum(f.offline), 0)::float8 as offline
      from ${WITH_FACTS} where ${inScope(scope)} and n.category = 'project'`,
  );
  return row ?? { projects: 0, onlineOnly: 0, offlineOnly: 0, both: 0, online: 0, offline: 0 };
}

/** The scope's files, and how many of them failed a check. */
export async function materialTotals(db: Db, scope: Scope) {
  const [totals] = await rows(
    db,
    scope,
    sql<{ files: number; failed: number }>`
      select count(*)::int as files, (count(*) filter (where m.state = 'failed'))::int as failed
      from nominations n join materials m on m.nomination_id = n.id
      where ${inScope(scope)}`,
  );
  return { files: totals?.files ?? 0, failed: totals?.failed ?? 0 };
}

/** The ten findings that failed most files (errors only). */
export const materialFindings = (db: Db, scope: Scope) =>
  rows(
    db,
    scope,
    sql<{ code: string; message: string; files: number }>`
      select f ->> 'code' as code, min(f ->> 'message') as message, count(distinct m.id)::int as files
      from nominations n join materials m on m.nomination_id = n.id
      cross join lateral jsonb_array_elements(
        case when jsonb_typeof(m.findings) = 'array' then m.findings else '[]'::jsonb end
      ) as f
      where ${inScope(scope)} and m.state = 'failed' and f ->> 'severity' = 'error'
      group by 1 order by 3 desc, 1 limit 10`,
  );

export async function materialQuality(db: Db, scope: Scope) {
  const [totals, findings] = await Promise.all([materialTotals(db, scope), materialFindings(db, scope)]);
  return { ...totals, findings };
}

/** Submissions per day in Beijing time (one campaign's run-up to its deadline). */
export const submissionsPerDay = (db: Db, scope: Scope) =>
  rows(
    db,
    scope,
    sql<{ day: string; nominations: number }>`
      select to_char((n.submitted_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as day, count(*)::int as nominations
      from nominations n where ${inScope(scope)} and n.submitted_at is not null
      group by 1 order by 1`,
  );

/**
 * Item 5: how the nominations this organiser forwarded fared in the round above, by the state of the
 * copy there. Counts only: the upper round's nominations are not the caller's to read.
 */
export const forwardedFate = (db: Db, scope: Scope) =>
  rows(
    db,
    scope,
    sql<{ state: string; category: string; nominations: number }>`
      select up.state, up.category, count(*)::int as nominations
      from nominations n join nominations up on up.forwarded_from = n.id
      where ${inScope(scope)} and n.state = 'forwarded'
      group by up.state, up.category`,
  );
