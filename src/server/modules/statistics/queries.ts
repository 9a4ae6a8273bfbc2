/**
 * The dashboards' figures as SQL aggregates: each query groups in PostgreSQL and returns a few dozen
 * rows at most, whatever the number of nominations (bench/statistics.bench.ts holds them to 200 ms at
 * 100,000 nominations; migration 0024 has their indexes). A nomination counts once it was submitted and
 * not withdrawn; a winner is 入选 or, once forwarded, 已报送上级.
 */
import { type RawBuilder, sql } from 'kysely';
import { SECTOR_KEYWORDS } from '#core/statistics/sectors.ts';
import type { Db } from '#server/platform/db/database.ts';
import type { StatisticsScope } from './scope.ts';

export type Scope = Pick<StatisticsScope, 'campaignIds' | 'unitIds'>;

const WINNER = sql`n.state in ('selected', 'forwarded')`;

function inScope(scope: Scope): RawBuilder<boolean> {
  const units = scope.unitIds === null ? sql`` : sql` and n.unit_id = any(${scope.unitIds}::uuid[])`;
  return sql<boolean>`n.campaign_id = any(${scope.campaignIds}::uuid[]) and n.state not in ('draft', 'withdrawn')${units}`;
}

const isEmpty = (scope: Scope) => scope.campaignIds.length === 0 || scope.unitIds?.length === 0;

async function rows<T>(db: Db, scope: Scope, query: RawBuilder<T>): Promise<T[]> {
  if (isEmpty(scope)) return [];
  return (await query.execute(db)).rows;
}

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
      from nominations n
      cross join lateral jsonb_array_elements_text(
        case when jsonb_typeof(n.form -> 'focusGroups') = 'array' then n.form -> 'focusGroups' else '[]'::jsonb end
      ) as g(value)
      where ${inScope(scope)} and n.category = 'star'
      group by g.value`,
  );

/**
 * The sector expression: the same ordered keyword list as core's sectorOfName, as a CASE over the
 * star's 工作单位 or the project's 实施主体; a project's 实施主体类型 decides first where it names a sector.
 */
function sectorCase(): RawBuilder<string> {
  const name = sql`coalesce(n.form ->> 'workUnit', n.form ->> 'entityName', '')`;
  const whens = SECTOR_KEYWORDS.map(
    ([sector, keywords]) =>
      sql`when ${sql.join(
        keywords.map((k) => sql`strpos(${name}, ${k}) > 0`),
        sql` or `,
      )} then ${sector}`,
  );
  return sql<string>`case
    when n.form ->> 'entityType' in ('企业', '机关', '社会组织') then n.form ->> 'entityType'
    ${sql.join(whens, sql` `)}
    else '其他' end`;
}

export const countsBySector = (db: Db, scope: Scope) =>
  rows(
    db,
    scope,
    sql<Counted & { sector: string; category: string }>`
      select ${sectorCase()} as sector, n.category, ${counts}
      from nominations n where ${inScope(scope)}
      group by 1, n.category`,
  );

/**
 * 年参与学习人次 of projects read as core's readCount reads them (1,200 / １２００ / 1.2万 / 3000人次);
 * anything it would refuse counts as 0 here.
 */
function participations(field: string): RawBuilder<number> {
  const value = sql`n.form -> ${field}`;
  const text = sql`regexp_replace(translate(n.form ->> ${field}, '０１２３４５６７８９．，, 　', '0123456789.'), '人次$', '')`;
  return sql<number>`case
    when jsonb_typeof(${value}) = 'number' then greatest((n.form ->> ${field})::numeric, 0)
    when jsonb_typeof(${value}) <> 'string' then 0
    when ${text} ~ '^[0-9]{1,12}$' then (${text})::numeric
    when ${text} ~ '^[0-9]{1,8}([.][0-9]{1,6})?万$' then round(rtrim(${text}, '万')::numeric * 10000)
    else 0 end`;
}

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
        (count(*) filter (where p.online > 0 and p.offline = 0))::int as "onlineOnly",
        (count(*) filter (where p.offline > 0 and p.online = 0))::int as "offlineOnly",
        (count(*) filter (where p.online > 0 and p.offline > 0))::int as both,
        coalesce(sum(p.online), 0)::float8 as online,
        coalesce(sum(p.offline), 0)::float8 as offline
      from (
        select ${participations('participationsOnline')} as online, ${participations('participationsOffline')} as offline
        from nominations n where ${inScope(scope)} and n.category = 'project'
      ) p`,
  );
  return row ?? { projects: 0, onlineOnly: 0, offlineOnly: 0, both: 0, online: 0, offline: 0 };
}

export async function materialQuality(db: Db, scope: Scope) {
  const [totals] = await rows(
    db,
    scope,
    sql<{ files: number; failed: number }>`
      select count(*)::int as files, (count(*) filter (where m.state = 'failed'))::int as failed
      from nominations n join materials m on m.nomination_id = n.id
      where ${inScope(scope)}`,
  );
  const findings = await rows(
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
  return { files: totals?.files ?? 0, failed: totals?.failed ?? 0, findings };
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
