/**
 * 五进 activities of winners per kind and month, read from the activities module's table
 * (migration 0022): winner_activities (nomination_id → the winner's nomination, kind code,
 * occurred_on date, audience integer).
 */
import { sql } from 'kysely';
import type { Db } from '#server/platform/db/database.ts';
import { isEmptyScope, type Scope } from './scope-sql.ts';

export const ACTIVITIES_TABLE = 'winner_activities';

export interface ActivityCount {
  /** The kind's code as stored (`community`, …); the presenter shows its label. */
  kind: string;
  month: string;
  activities: number;
  audience: number;
}

/** Activities of the scope's nominations per kind and month (YYYY-MM, as held). */
export async function activitiesByKindAndMonth(db: Db, scope: Scope): Promise<ActivityCount[]> {
  if (isEmptyScope(scope)) return [];
  const units = scope.unitIds === null ? sql`` : sql` and n.unit_id = any(${scope.unitIds}::uuid[])`;
  const { rows } = await sql<ActivityCount>`
    select a.kind, to_char(a.occurred_on, 'YYYY-MM') as month, count(*)::int as activities,
      coalesce(sum(a.audience), 0)::int as audience
    from ${sql.table(ACTIVITIES_TABLE)} a join nominations n on n.id = a.nomination_id
    where n.campaign_id = any(${scope.campaignIds}::uuid[])${units}
    group by 1, 2 order by 2, 1`.execute(db);
  return rows;
}
