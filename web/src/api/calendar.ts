/** The caller's organisation's working calendar: one year's status and adjustments, and period sums. */
import type {
  CalendarYearResponse,
  NewOverride,
  OverrideResponse,
  PeriodResponse,
} from '#core/contract/calendar.ts';
import { api, withQuery } from './client.ts';

export type { CalendarOverrideRow, CalendarYearStatus } from '#core/contract/calendar.ts';

export const CALENDAR_KEY = ['calendar'] as const;

export function getCalendarYear(year: number): Promise<CalendarYearResponse> {
  return api<CalendarYearResponse>(withQuery('/api/calendar', { year }));
}

export async function addOverride(input: NewOverride) {
  return (await api<OverrideResponse>('/api/calendar/overrides', { method: 'POST', body: input })).override;
}

export function deleteOverride(id: string): Promise<void> {
  return api<void>(`/api/calendar/overrides/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function confirmYear(year: number): Promise<void> {
  return api<void>('/api/calendar/confirmed-years', { method: 'POST', body: { year } });
}

export function unconfirmYear(year: number): Promise<void> {
  return api<void>(`/api/calendar/confirmed-years/${year}`, { method: 'DELETE' });
}

export function workingPeriod(from: string, workdays: number, countStart: boolean): Promise<PeriodResponse> {
  return api<PeriodResponse>(
    withQuery('/api/calendar/period', { from, workdays, countStart: String(countStart) }),
  );
}
