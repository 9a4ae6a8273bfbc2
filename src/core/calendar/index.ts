export { describeDayReason, formatCalendarDay, formatChineseDate, formatChineseWeekday } from './format.ts';
export {
  addDays,
  type CivilDate,
  isIsoDate,
  isWeekend,
  readIsoDate,
  type Weekday,
  weekdayOf,
} from './iso-date.ts';
export {
  OFFICIAL_YEARS,
  type OfficialDay,
  officialSchedule,
  type YearSchedule,
} from './official-schedule.ts';
export { DATE_INVALID, type ParsedDate, parseIsoDate } from './parse-date.ts';
export {
  type CalendarOverride,
  type CalendarSettings,
  checkCalendarSettings,
  type OverrideKind,
} from './settings.ts';
export { todayInShanghai } from './today.ts';
export {
  type AddWorkingDaysOptions,
  CALENDAR_YEAR_UNKNOWN,
  type CalendarDay,
  type CalendarResult,
  createWorkCalendar,
  type DayReason,
  unknownYearFinding,
  type WorkCalendar,
  type YearStatus,
} from './work-calendar.ts';
