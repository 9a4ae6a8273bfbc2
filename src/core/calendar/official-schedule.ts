/**
 * The State Council's holiday schedule (国务院办公厅关于部分节假日安排的通知), year by year, as
 * published in the `chinese-days` package. Only its JSON data is imported: it bundles for the browser,
 * and the package's functions fall back to Monday–Friday for a year they do not know, which this
 * project must never do silently.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export type OfficialDayKind = 'holiday' | 'workday';

export interface OfficialDay {
  kind: OfficialDayKind;
  /** Chinese name of the holiday the day belongs to, e.g. 国庆节; for a make-up day, the holiday it makes up for. */
  holiday: string;
}

/** The package stores `"English name,中文名,days"`; a few Chinese names are short forms. */
const FULL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function holidayName(value: string): string {
  const chinese = value.split(',')[1] ?? value;
  return FULL_NAMES[chinese] ?? chinese;
}

function buildOfficialDays(): Map<string, OfficialDay> {
  const days = new Map<string, OfficialDay>();
  const holidays: Record<string, string> = data.holidays;
  const workdays: Record<string, string> = data.workdays;
  for (const [date, value] of Object.entries(holidays))
    days.set(date, { kind: 'holiday', holiday: holidayName(value) });
  for (const [date, value] of Object.entries(workdays))
    days.set(date, { kind: 'workday', holiday: holidayName(value) });
  return days;
}

/**
 * Every day the schedule changes from the ordinary week: days off within a holiday period (weekends
 * included) and weekend days worked to make up for one (调休上班).
 */
export const OFFICIAL_DAYS: ReadonlyMap<string, OfficialDay> = buildOfficialDays();

/** Years whose schedule has been published: every year has at least one holiday (元旦). */
export const OFFICIAL_YEARS: ReadonlySet<number> = new Set(
  [...OFFICIAL_DAYS.entries()]
    .filter(([, day]) => day.kind === 'holiday')
    .map(([date]) => Number(date.slice(0, 4))),
);

export interface YearSchedule {
  year: number;
  /** Days off in holiday periods, weekends included, sorted. */
  holidays: string[];
  /** Make-up working days (调休上班), sorted. */
  workdays: string[];
}

/** The published schedule of one year, or undefined when the State Council has not published it (yet). */
export function officialSchedule(year: number): YearSchedule | undefined {
  if (!OFFICIAL_YEARS.has(year)) return undefined;
  const prefix = `${year}-`;
  const inYear = [...OFFICIAL_DAYS.entries()]
    .filter(([date]) => date.startsWith(prefix))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    year,
    holidays: inYear.filter(([, day]) => day.kind === 'holiday').map(([date]) => date),
    workdays: inYear.filter(([, day]) => day.kind === 'workday').map(([date]) => date),
  };
}
