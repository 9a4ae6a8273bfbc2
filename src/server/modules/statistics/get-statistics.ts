/** 统计分析: the caller's own campaigns' figures for a year, level and province, with year on year. */
import type { StatisticsFilters, StatisticsResponse } from '#core/contract/statistics.ts';
import { PROVINCE_NAMES } from '#core/nomination/province-code.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { activitiesByKindAndMonth } from './activities.ts';
import { refreshNominationFacts } from './nomination-facts.ts';
import { presentCharts, presentFigures, totalsOf, yearOnYearChart } from './presenter.ts';
import {
  countsByAgeBand,
  countsByFocusGroup,
  countsBySector,
  countsBySex,
  countsByUnit,
  forwardedFate,
  materialQuality,
  projectParticipation,
  type Scope,
  submissionsPerDay,
} from './queries.ts';
import { authorizeStatistics, organiserCampaigns, type ScopedCampaign, scopeOf, unitFacts } from './scope.ts';

/** Every figure of one scope; the queries run side by side on the pool, once the facts are up to date. */
export async function figuresOf(db: Db, scope: Scope) {
  await refreshNominationFacts(db, scope);
  const [byUnit, focus, sectors, sexes, ages, participation, materials, timeline, activities, fate] =
    await Promise.all([
      countsByUnit(db, scope),
      countsByFocusGroup(db, scope),
      countsBySector(db, scope),
      countsBySex(db, scope),
      countsByAgeBand(db, scope),
      projectParticipation(db, scope),
      materialQuality(db, scope),
      submissionsPerDay(db, scope),
      activitiesByKindAndMonth(db, scope),
      forwardedFate(db, scope),
    ]);
  return { byUnit, focus, sectors, sexes, ages, participation, materials, timeline, activities, fate };
}

export async function getStatistics(
  db: Db,
  actor: Actor,
  filters: StatisticsFilters,
  only?: (campaign: ScopedCampaign) => boolean,
): Promise<StatisticsResponse> {
  authorizeStatistics(actor);
  const all = await organiserCampaigns(db, actor, filters.level);
  const campaigns = only ? all.filter(only) : all;
  const years = [...new Set(all.map((c) => c.year))].sort((a, b) => b - a);
  const year = filters.year ?? null;
  const units = await unitFacts(db);
  const scope = scopeOf(campaigns, units, filters);
  const [figures, previous] = await Promise.all([
    figuresOf(db, scope),
    year === null
      ? null
      : Promise.all([
          countsByUnit(db, { campaignIds: scope.previousCampaignIds, unitIds: scope.unitIds }),
          activitiesByKindAndMonth(db, { campaignIds: scope.previousCampaignIds, unitIds: scope.unitIds }),
        ]),
  ]);
  const charts = presentCharts(figures, units);
  const current = totalsOf(figures.byUnit, figures.activities);
  const summary = presentFigures(current, previous ? totalsOf(previous[0], previous[1]) : totalsOf([], []));
  if (year !== null) charts.push(yearOnYearChart(summary, year));
  return {
    filters: {
      year,
      level: filters.level ?? null,
      province: filters.province ?? null,
      provinceName: filters.province ? (PROVINCE_NAMES[filters.province] ?? null) : null,
    },
    years,
    campaigns: campaigns.filter((c) => year === null || c.year === year),
    figures: summary,
    charts,
  };
}
