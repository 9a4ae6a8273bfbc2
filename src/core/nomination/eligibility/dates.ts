/**
 * Dates on nomination forms, compared with the campaign deadline. Dates are ISO strings, so `<` on
 * strings is date order. A start date may be given to the month (创建于2021年9月), as forms often ask.
 */
import { addDays, parseIsoDate, readIsoDate } from '#core/calendar/index.ts';
import type { Finding } from '#core/findings.ts';

export type FormDate = { ok: true; first: string; last: string } | { ok: false; findings: Finding[] };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `YYYY-MM-DD`, or `YYYY-MM` for a whole month: `first`/`last` are then the month's first and last day
 * so callers can tell a clear answer from one that depends on the day.
 */
export function readFormDate(raw: unknown, field: string, allowMonth: boolean): FormDate {
  const text = typeof raw === 'string' ? raw : '';
  const month = allowMonth ? /^(\d{4})-(\d{2})$/.exec(text) : null;
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    if (m >= 1 && m <= 12) {
      return {
        ok: true,
        first: `${month[1]}-${month[2]}-01`,
        last: `${month[1]}-${month[2]}-${daysInMonth(year, m)}`,
      };
    }
  }
  const parsed = parseIsoDate(text, field);
  return parsed.ok ? { ok: true, first: parsed.date, last: parsed.date } : parsed;
}

/** The same day `years` earlier; 2月29日 becomes 2月28日 in a common year. */
export function yearsBefore(iso: string, years: number): string {
  const date = readIsoDate(iso);
  if (!date) return iso;
  const year = date.year - years;
  const day = Math.min(date.day, daysInMonth(year, date.month));
  return `${String(year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysBefore(iso: string, days: number): string {
  return addDays(iso, -days);
}
