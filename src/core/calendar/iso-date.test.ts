import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumberToIso,
  formatIsoDate,
  fromDayNumber,
  isoToDayNumber,
  isRealDate,
  readIsoDate,
  toDayNumber,
  weekdayOf,
} from './iso-date.ts';

describe('ISO dates and day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2024-02-29', 19782],
    ['2026-09-29', 20725],
  ])('%s is day %i', (iso, dayNumber) => {
    expect(isoToDayNumber(iso)).toBe(dayNumber);
    expect(dayNumberToIso(dayNumber)).toBe(iso);
  });

  it.each([
    ['2026-09-29', 2],
    ['2026-10-10', 6],
    ['2024-02-18', 0],
    ['1900-01-01', 1],
  ])('%s falls on weekday %i', (iso, weekday) => {
    expect(weekdayOf(iso)).toBe(weekday);
  });

  it('knows leap years and month lengths', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2025, 2, 29)).toBe(false);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2026, 4, 31)).toBe(false);
    expect(isRealDate(2026, 13, 1)).toBe(false);
  });

  it.each([
    '2026-9-29',
    '2026/09/29',
    '20260929',
    ' 2026-09-29',
    '2026-02-30',
    '２０２６-０９-２９',
    '2026-09-29T00:00',
  ])('reads %j as no date', (value) => {
    expect(readIsoDate(value)).toBeUndefined();
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  const civilDate = fc
    .record({
      year: fc.integer({ min: 1, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ year, month, day }) => isRealDate(year, month, day));

  it('round-trips every date through its day number', () => {
    fc.assert(
      fc.property(civilDate, (date) => {
        expect(fromDayNumber(toDayNumber(date))).toEqual(date);
      }),
    );
  });

  it('agrees with Date.UTC on day numbers and weekdays (1900–2200)', () => {
    fc.assert(
      fc.property(
        civilDate.filter(({ year }) => year >= 1900 && year <= 2200),
        (date) => {
          const utc = Date.UTC(date.year, date.month - 1, date.day);
          expect(toDayNumber(date)).toBe(utc / 86_400_000);
          expect(weekdayOf(formatIsoDate(date))).toBe(new Date(utc).getUTCDay());
        },
      ),
    );
  });
});
