/**
 * Who sends a route's fuzzed requests, and which real ids fill its path: so that a request passes sign-in,
 * the CSRF check and the permission check and really reaches the route's validation.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '#server/platform/db/database.ts';
import type { WriteRoute } from './write-routes.ts';

/** Demo accounts that send the fuzzed requests; the organiser of the Jilin rounds unless a rule below says. */
export const CALLERS = ['jilin-admin', 'changchun', 'expert', 'approver', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

/** First match wins: route shape (method and path) to the account allowed to make that request. */
const CALLER_BY_ROUTE: [RegExp, Caller][] = [
  [/^(POST|PUT|DELETE) \/api\/calendar\//, 'admin'],
  [/ \/api\/reviews\//, 'expert'],
  [/ \/api\/campaigns\/\{\w+\}\/review\/declarations$/, 'expert'],
  [/^POST \/api\/campaigns\/\{\w+\}\/approval(\/return)?$/, 'approver'],
  [/^(POST|PUT) \/api\/nominations(\/registration)?$/, 'changchun'],
  [/^PUT \/api\/nominations\/\{\w+\}$/, 'changchun'],
  [
    /^POST \/api\/nominations\/\{\w+\}\/(submit|withdraw|accepted-warnings|special|review-request|materials\/)/,
    'changchun',
  ],
  [/ \/api\/materials\//, 'changchun'],
  [/ \/api\/nominations\/\{\w+\}\/review-exclusions$/, 'changchun'],
  [/ \/api\/campaigns\/\{\w+\}\/unit-publicities$/, 'changchun'],
  [/ \/api\/unit-publicities\//, 'changchun'],
  [/^POST \/api\/objections\/\{\w+\}\/explanation$/, 'changchun'],
];

export function callerOf(route: WriteRoute): Caller {
  const shape = `${route.method} ${route.path}`;
  return CALLER_BY_ROUTE.find(([pattern]) => pattern.test(shape))?.[1] ?? 'jilin-admin';
}

/**
 * Where a path parameter's real values come from, by the parameter's own name (`roundId`) or, for a bare
 * `{id}`, the path segment before it (`/api/materials/{id}`). Anything else is looked up as a table named
 * like the segment; a parameter found nowhere fails the test, naming itself, so it is added here.
 */
const PUBLISHED_WINNERS = 'published winners';

const SOURCES: Record<string, string> = {
  campaignId: 'campaigns.id',
  unitId: 'organisations.id',
  expertId: 'review_experts.expert_id',
  roundId: 'review_rounds.id',
  nominationId: 'nominations.id',
  proposalId: 'shortlist_proposals.id',
  'confirmed-years': 'calendar_confirmed_years.year',
  overrides: 'calendar_overrides.id',
  activities: 'winner_activities.id',
  photoId: 'winner_activity_photos.id',
  winners: PUBLISHED_WINNERS,
  stories: PUBLISHED_WINNERS,
};

/**
 * Sources that are a query rather than a column: a route about a published winner takes its nomination's
 * id, and the other nominations would only ever be refused as not found (the demo's published Jilin 2025
 * round has winners, and its seed records their publicity activities with photos).
 */
const QUERIES: Record<string, RawBuilder<{ value: string }>> = {
  [PUBLISHED_WINNERS]: sql<{ value: string }>`
    SELECT DISTINCT n.id::text AS value FROM nominations n JOIN result_notices r ON r.campaign_id = n.campaign_id
    WHERE n.state IN ('selected', 'forwarded') ORDER BY 1`,
};

export function sourceOf(route: WriteRoute, name: string, tables: readonly string[]): string | null {
  if (SOURCES[name]) return SOURCES[name];
  const segments = route.path.split('/');
  const before = segments[segments.indexOf(`{${name}}`) - 1] ?? '';
  if (SOURCES[before]) return SOURCES[before];
  const table = before.replace(/-/g, '_');
  return tables.includes(table) ? `${table}.id` : null;
}

/**
 * Real values for every path parameter of the routes. The callers' own accounts and organisations (and
 * the organisations above them) are left out, so a fuzzed 停用 never locks a caller out halfway.
 */
export async function pathPools(
  db: Db,
  routes: WriteRoute[],
  tables: readonly string[],
  callerIds: readonly string[],
): Promise<{ pools: Map<string, Map<string, readonly string[]>>; unresolved: string[] }> {
  const protectedOrgs = await sql<{ id: string }>`
    WITH RECURSIVE up AS (
      SELECT organisation_id AS id FROM accounts WHERE id = ANY(${callerIds}::uuid[])
      UNION SELECT o.parent_id FROM organisations o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL
    ) SELECT id::text FROM up`.execute(db);
  const spared = new Set([...callerIds, ...protectedOrgs.rows.map((r) => r.id)]);
  const pools = new Map<string, Map<string, readonly string[]>>();
  const unresolved: string[] = [];
  const cache = new Map<string, readonly string[]>();
  for (const route of routes) {
    const byName = new Map<string, readonly string[]>();
    for (const parameter of route.parameters.filter((p) => p.in === 'path')) {
      const source = sourceOf(route, parameter.name, tables);
      if (!source) {
        unresolved.push(`${route.method} ${route.path} {${parameter.name}}`);
        continue;
      }
      if (!cache.has(source)) {
        const [table, column] = source.split('.') as [string, string];
        const rows = await (
          QUERIES[source] ??
          sql<{ value: string }>`
          SELECT DISTINCT ${sql.ref(column)}::text AS value FROM ${sql.table(table)} ORDER BY 1`
        ).execute(db);
        cache.set(
          source,
          rows.rows.map((r) => r.value).filter((v) => !spared.has(v)),
        );
      }
      byName.set(parameter.name, cache.get(source) ?? []);
    }
    pools.set(`${route.method} ${route.path}`, byName);
  }
  return { pools, unresolved };
}

/** Every id in the database's main tables, for uuid fields of a body (a reference that exists). */
export async function knownIds(db: Db, tables: readonly string[]): Promise<string[]> {
  const wanted = [
    'campaigns',
    'nominations',
    'organisations',
    'materials',
    'review_rounds',
    'objections',
  ].filter((t) => tables.includes(t));
  const ids: string[] = [];
  for (const table of wanted) {
    const rows = await sql<{
      id: string;
    }>`SELECT id::text FROM ${sql.table(table)} ORDER BY 1 LIMIT 40`.execute(db);
    ids.push(...rows.rows.map((r) => r.id));
  }
  return ids;
}
