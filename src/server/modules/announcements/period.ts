/**
 * The 公示 period on the organiser's working calendar: the end day for a start day and the campaign's
 * working-day count (CALENDAR_YEAR_UNKNOWN for a year without data), and the period in words.
 */
import { describeAnnouncementPeriod, unusualDays } from '#core/announcement/period.ts';
import { addDays } from '#core/calendar/iso-date.ts';
import { type CalendarDay, createWorkCalendar } from '#core/calendar/work-calendar.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { calendarError, calendarSettingsOf } from '../calendar/service.ts';

export interface Period {
  startDay: string;
  endDay: string;
  workingDays: number;
  countStart: boolean;
  text: string;
  unusualDays: { date: string; note: string }[];
}

export const periodRules = (rules: CampaignRules) => ({
  workingDays: rules.announcement.workingDays,
  countStart: rules.announcement.startDay === 'counts_if_working_day',
});

export async function computePeriod(
  db: Db | Trx,
  organisationId: string,
  startDay: string,
  workingDays: number,
  countStart: boolean,
): Promise<Period> {
  const calendar = createWorkCalendar(await calendarSettingsOf(db, organisationId));
  const end = calendar.addWorkingDays(startDay, workingDays, { countStart });
  if (!end.ok) throw calendarError(end.findings);
  return describe(calendar, startDay, end.date, workingDays, countStart);
}

/** A stored period, described again (the calendar is known for it: it was computed on it). */
export async function describeStoredPeriod(
  db: Db | Trx,
  organisationId: string,
  row: { startDay: string | null; endDay: string | null; workingDays: number; countStart: boolean },
): Promise<Period | null> {
  if (!row.startDay || !row.endDay) return null;
  const calendar = createWorkCalendar(await calendarSettingsOf(db, organisationId));
  return describe(calendar, row.startDay, row.endDay, row.workingDays, row.countStart);
}

function describe(
  calendar: ReturnType<typeof createWorkCalendar>,
  startDay: string,
  endDay: string,
  workingDays: number,
  countStart: boolean,
): Period {
  const days: CalendarDay[] = [];
  for (let d = startDay; d <= endDay; d = addDays(d, 1)) {
    const described = calendar.describeDay(d);
    if (!described.ok) throw calendarError(described.findings);
    days.push(described.day);
  }
  return {
    startDay,
    endDay,
    workingDays,
    countStart,
    text: describeAnnouncementPeriod(days, workingDays, countStart),
    unusualDays: unusualDays(days),
  };
}
