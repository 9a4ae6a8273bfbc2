/**
 * Working-day deadlines of an objection, counted on the official calendar (holidays and 调休 included):
 * 受理 within 2 working days of its arrival, the conclusion within 10 working days of 受理, the answer to
 * the objector within 5 working days of the conclusion. The numbers live here only.
 */
import type { CalendarResult, WorkCalendar } from '../calendar/work-calendar.ts';

export const OBJECTION_DEADLINES = {
  /** 受理 (or 不予受理) after the objection arrives. */
  accept: 2,
  /** 结论 (成立 proposed, or 不成立) after 受理. */
  conclude: 10,
  /** 答复 to the objector after the conclusion. */
  reply: 5,
} as const;
export type ObjectionDeadline = keyof typeof OBJECTION_DEADLINES;

/** The day a step is due: the n-th working day after `from` (the day itself is not counted). */
export function objectionDue(
  calendar: WorkCalendar,
  step: ObjectionDeadline,
  from: string,
): CalendarResult<{ date: string }> {
  return calendar.addWorkingDays(from, OBJECTION_DEADLINES[step], { countStart: false });
}

/** The same for a deadline the handler chooses (the unit's explanation): `days` working days after `from`. */
export function workingDaysAfter(
  calendar: WorkCalendar,
  from: string,
  days: number,
): CalendarResult<{ date: string }> {
  return calendar.addWorkingDays(from, days, { countStart: false });
}

/** A step is overdue once its due day has passed (on the due day itself it is still in time). */
export function isOverdue(due: string | null, today: string, done: boolean): boolean {
  return !done && due !== null && today > due;
}
