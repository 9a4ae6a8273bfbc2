/**
 * Whose figures a caller sees: the campaigns its own organisation organises (decision 0015: an
 * organisation above is not the organiser), narrowed by year and level, and the reporting units of one
 * province when the province filter is set. Units are few (hundreds), nominations many: the province
 * is resolved to unit ids here, and the aggregates filter on those ids.
 */
import { isAdmin } from '#core/campaign/organiser-scope.ts';
import type { CampaignLevel } from '#core/campaign/rules.ts';
import { provinceOfRegion, provinceOfText } from '#core/nomination/province.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { forbidden } from '#server/platform/errors.ts';

export interface StatisticsScope {
  /** Campaigns of the chosen year (all years when none is chosen). */
  campaignIds: string[];
  /** The same organiser's campaigns of the year before, for year on year; empty without a year. */
  previousCampaignIds: string[];
  /** Reporting units of the chosen province; null: every unit. */
  unitIds: string[] | null;
}

export interface UnitFacts {
  id: string;
  name: string;
  type: string;
  province: string | undefined;
}

export interface ScopedCampaign {
  id: string;
  title: string;
  year: number;
  level: CampaignLevel;
}

/** Organiser admins see their own organisation's statistics; units and experts do not. */
export function authorizeStatistics(actor: Actor) {
  if (!isAdmin(actor))
    throw forbidden('统计分析仅供组织单位管理员查看；报送单位和评审专家请在各自的工作台查看本单位情况。');
}

export async function organiserCampaigns(
  db: Db,
  actor: Actor,
  level?: CampaignLevel,
): Promise<ScopedCampaign[]> {
  let query = db
    .selectFrom('campaigns')
    .select(['id', 'title', 'year', 'level'])
    .where('organiserId', '=', actor.organisationId)
    .where('status', '!=', 'draft');
  if (level) query = query.where('level', '=', level);
  return query.orderBy('year', 'desc').orderBy('title').execute();
}

/** Every organisation that reports, with the province it belongs to (region code first, else its name). */
export async function unitFacts(db: Db): Promise<Map<string, UnitFacts>> {
  const rows = await db.selectFrom('organisations').select(['id', 'name', 'type', 'regionCode']).execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        type: r.type,
        province: provinceOfRegion(r.regionCode) ?? provinceOfText(r.name),
      },
    ]),
  );
}

export function scopeOf(
  campaigns: readonly ScopedCampaign[],
  units: ReadonlyMap<string, UnitFacts>,
  filters: { year?: number; province?: string },
): StatisticsScope {
  const inYear = (y: number | undefined) =>
    campaigns.filter((c) => y === undefined || c.year === y).map((c) => c.id);
  return {
    campaignIds: inYear(filters.year),
    previousCampaignIds: filters.year === undefined ? [] : inYear(filters.year - 1),
    unitIds:
      filters.province === undefined
        ? null
        : [...units.values()].filter((u) => u.province === filters.province).map((u) => u.id),
  };
}
