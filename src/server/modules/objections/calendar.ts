import { createWorkCalendar, type WorkCalendar } from '#core/calendar/index.ts';
import type { CalendarResult } from '#core/calendar/work-calendar.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { calendarError, calendarSettingsOf } from '../calendar/service.ts';

/** The organiser's working-day calendar (official schedule plus its own adjustments). */
export async function organiserCalendar(db: Db | Trx, organiserId: string): Promise<WorkCalendar> {
  return createWorkCalendar(await calendarSettingsOf(db, organiserId));
}

/** A due day, or the calendar's refusal (CALENDAR_YEAR_UNKNOWN) as the error the handler sees. */
export function dueOrThrow(result: CalendarResult<{ date: string }>): string {
  if (!result.ok) throw calendarError(result.findings);
  return result.date;
}
