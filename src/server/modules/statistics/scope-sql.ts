/** The scope of the figures as SQL over `nominations n`: what every statistics query filters on. */
import { type RawBuilder, sql } from 'kysely';
import type { StatisticsScope } from './scope.ts';

export type Scope = Pick<StatisticsScope, 'campaignIds' | 'unitIds'>;

/** A nomination counts once it was submitted and not withdrawn. */
export function inScope(scope: Scope): RawBuilder<boolean> {
  const units = scope.unitIds === null ? sql`` : sql` and n.unit_id = any(${scope.unitIds}::uuid[])`;
  return sql<boolean>`n.campaign_id = any(${scope.campaignIds}::uuid[]) and n.state not in ('draft', 'withdrawn')${units}`;
}

export const isEmptyScope = (scope: Scope) => scope.campaignIds.length === 0 || scope.unitIds?.length === 0;

/** A winner is 入选 or, once forwarded, 已报送上级. */
export const WINNER = sql`n.state in ('selected', 'forwarded')`;
