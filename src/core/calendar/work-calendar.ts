/**
 * The official working-day calendar: the State Council schedule, then the organiser's adjustments.
 * 公示 periods and deadlines count working days on it. A computation that reaches a year nobody has
 * published or confirmed stops with CALENDAR_YEAR_UNKNOWN instead of guessing Monday–Friday: a
 * guessed period could end before the real one and cut an objection window short.
 */
import { error, type Finding } from '../findings.ts';
import { dayNumberToIso, isoToDayNumber, isWeekend, type Weekday, weekdayOf } from './iso-date.ts';
import { OFFICIAL_DAYS, OFFICIAL_YEARS } from './official-schedule.ts';
import { parseIsoDate } from './parse-date.ts';
import { type CalendarSettings, checkCalendarSettings, type OverrideKind } from './settings.ts';

export type CalendarResult<T extends object> = ({ ok: true } & T) | { ok: false; findings: Finding[] };

/** Why a day is or is not a working day. */
export type DayReason =
  | 'weekday'
  | 'weekend'
  | 'official-holiday'
  | 'official-workday'
  | 'override-holiday'
  | 'override-workday';

export interface CalendarDay {
  date: string;
  weekday: Weekday;
  working: boolean;
  reason: DayReason;
  /** For official days: the holiday the day is off for, or made up for (e.g. 国庆节). */
  holiday?: string;
}

export type YearStatus = 'official' | 'confirmed' | 'unknown';

export interface AddWorkingDaysOptions {
  /** Whether `start` itself is day 1 when it is a working day. Default true (common practice for 公示). */
  countStart?: boolean;
}

export interface WorkCalendar {
  yearStatus(year: number): YearStatus;
  describeDay(date: string): CalendarResult<{ day: CalendarDay }>;
  isWorkingDay(date: string): CalendarResult<{ working: boolean }>;
  /** The date of the n-th working day counted from `start` (n ≥ 1). */
  addWorkingDays(start: string, n: number, options?: AddWorkingDaysOptions): CalendarResult<{ date: string }>;
  /** Working days from `from` to `to`, both included. */
  workingDaysBetween(from: string, to: string): CalendarResult<{ count: number }>;
}

export const CALENDAR_YEAR_UNKNOWN = 'CALENDAR_YEAR_UNKNOWN';

export function unknownYearFinding(year: number, field = ''): Finding {
  return error(
    CALENDAR_YEAR_UNKNOWN,
    field,
    `${year}年的国务院节假日安排尚未发布（或本系统尚未收录），无法计算工作日。` +
      `请组织方在日历设置中确认${year}年的工作日安排（周一至周五上班，并添加该年的放假和调休上班日期）后再试`,
  );
}

/** Throws when the settings are invalid: they are checked with `checkCalendarSettings` when saved. */
export function createWorkCalendar(settings: CalendarSettings = {}): WorkCalendar {
  const problems = checkCalendarSettings(settings);
  if (problems.length > 0) {
    throw new Error(`日历设置无效：${problems.map((finding) => finding.message).join('；')}`);
  }
  const overrides = new Map<string, OverrideKind>(
    (settings.overrides ?? []).map((override) => [override.date, override.kind]),
  );
  const confirmed = new Set(settings.confirmedYears ?? []);

  function yearStatus(year: number): YearStatus {
    if (OFFICIAL_YEARS.has(year)) return 'official';
    return confirmed.has(year) ? 'confirmed' : 'unknown';
  }

  /** For a date in a known year. */
  function dayOf(date: string): CalendarDay {
    const weekday = weekdayOf(date);
    const override = overrides.get(date);
    if (override) return { date, weekday, working: override === 'workday', reason: `override-${override}` };
    const official = OFFICIAL_DAYS.get(date);
    if (official) {
      return {
        date,
        weekday,
        working: official.kind === 'workday',
        reason: `official-${official.kind}`,
        holiday: official.holiday,
      };
    }
    const weekend = isWeekend(date);
    return { date, weekday, working: !weekend, reason: weekend ? 'weekend' : 'weekday' };
  }

  function yearOf(date: string): number {
    return Number(date.slice(0, 4));
  }

  function describeDay(date: string): CalendarResult<{ day: CalendarDay }> {
    const parsed = parseIsoDate(date, 'date');
    if (!parsed.ok) return parsed;
    const year = yearOf(date);
    if (yearStatus(year) === 'unknown') return { ok: false, findings: [unknownYearFinding(year, 'date')] };
    return { ok: true, day: dayOf(date) };
  }

  function isWorkingDay(date: string): CalendarResult<{ working: boolean }> {
    const described = describeDay(date);
    return described.ok ? { ok: true, working: described.day.working } : described;
  }

  function addWorkingDays(
    start: string,
    n: number,
    { countStart = true }: AddWorkingDaysOptions = {},
  ): CalendarResult<{ date: string }> {
    const parsed = parseIsoDate(start, 'start');
    if (!parsed.ok) return parsed;
    if (!Number.isInteger(n) || n < 1) {
      return {
        ok: false,
        findings: [
          error(
            'WORKDAYS_INVALID',
            'workdays',
            `工作日天数应为正整数（至少为 1）${Number.isFinite(n) ? `，实为 ${n}` : ''}，请修改`,
          ),
        ],
      };
    }
    let dayNumber = isoToDayNumber(start) + (countStart ? 0 : 1);
    let counted = 0;
    for (;;) {
      const date = dayNumberToIso(dayNumber);
      const year = yearOf(date);
      if (yearStatus(year) === 'unknown') return { ok: false, findings: [unknownYearFinding(year)] };
      if (dayOf(date).working) counted += 1;
      if (counted === n) return { ok: true, date };
      dayNumber += 1;
    }
  }

  function workingDaysBetween(from: string, to: string): CalendarResult<{ count: number }> {
    const findings: Finding[] = [];
    for (const [value, field] of [
      [from, 'from'],
      [to, 'to'],
    ] as const) {
      const parsed = parseIsoDate(value, field);
      if (!parsed.ok) findings.push(...parsed.findings);
    }
    if (findings.length > 0) return { ok: false, findings };
    if (to < from) {
      return {
        ok: false,
        findings: [error('DATE_RANGE_REVERSED', 'to', `结束日期 ${to} 早于开始日期 ${from}，请检查日期先后`)],
      };
    }
    for (let year = yearOf(from); year <= yearOf(to); year += 1) {
      if (yearStatus(year) === 'unknown') findings.push(unknownYearFinding(year));
    }
    if (findings.length > 0) return { ok: false, findings };
    let count = 0;
    for (let day = isoToDayNumber(from); day <= isoToDayNumber(to); day += 1) {
      if (dayOf(dayNumberToIso(day)).working) count += 1;
    }
    return { ok: true, count };
  }

  return { yearStatus, describeDay, isWorkingDay, addWorkingDays, workingDaysBetween };
}
