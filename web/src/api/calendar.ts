/** The caller's organisation's working calendar: one year's status and adjustments, and period sums. */
import { api, withQuery } from './client.ts';

export const CALENDAR_KEY = ['calendar'] as const;

export type CalendarYearStatus = 'official' | 'confirmed' | 'unknown';

export interface CalendarOverrideRow {
  id: string;
  date: string;
  kind: 'holiday' | 'workday';
  note: string;
  createdBy: string | null;
}

export interface CalendarYear {
  year: number;
  status: CalendarYearStatus;
  confirmedYears: number[];
  overrides: CalendarOverrideRow[];
}

export function getCalendarYear(year: number): Promise<CalendarYear> {
  return api<CalendarYear>(withQuery('/api/calendar', { year }));
}

export async function addOverride(input: Pick<CalendarOverrideRow, 'date' | 'kind' | 'note'>) {
  return (
    await api<{ override: CalendarOverrideRow }>('/api/calendar/overrides', { method: 'POST', body: input })
  ).override;
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

export interface WorkingPeriod {
  from: string;
  workdays: number;
  countStart: boolean;
  end: string;
}

export function workingPeriod(from: string, workdays: number, countStart: boolean): Promise<WorkingPeriod> {
  return api<WorkingPeriod>(
    withQuery('/api/calendar/period', { from, workdays, countStart: String(countStart) }),
  );
}
