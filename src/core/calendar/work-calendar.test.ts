import * as chineseDays from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumberToIso, isoToDayNumber } from './iso-date.ts';
import { type CalendarResult, createWorkCalendar } from './work-calendar.ts';

const official = createWorkCalendar();

function value<T extends object>(result: CalendarResult<T>): T {
  if (!result.ok) throw new Error(result.findings.map((finding) => finding.message).join('\n'));
  return result;
}

describe('working days on the official calendar', () => {
  it.each<[start: string, n: number, countStart: boolean, end: string, why: string]>([
    ['2026-09-29', 5, true, '2026-10-10', 'DOMAIN.md example: ends on the Saturday make-up day'],
    ['2026-09-29', 5, false, '2026-10-12', 'the day after publication is day 1'],
    ['2026-10-01', 1, true, '2026-10-08', 'a holiday start is not counted even when counting the start'],
    ['2025-09-26', 5, true, '2025-10-09', 'Sunday 9-28 is worked, 10-1…10-8 are off'],
    ['2025-10-09', 3, true, '2025-10-11', 'Saturday 10-11 is worked'],
    ['2024-02-08', 3, true, '2024-02-18', 'Spring Festival 2-10…2-17 off, Sunday 2-18 worked'],
    ['2024-02-02', 2, true, '2024-02-04', 'Sunday 2-4 is worked'],
    ['2024-09-13', 5, true, '2024-09-20', 'Saturday 9-14 worked, 9-15…9-17 off'],
    ['2024-04-10', 5, true, '2024-04-16', 'an ordinary week: the weekend is off'],
    ['2025-12-30', 5, true, '2026-01-06', 'across the year end: 1-1…1-3 off, Sunday 1-4 worked'],
    ['2026-04-30', 3, true, '2026-05-07', 'Labour Day 5-1…5-5 off'],
    ['2026-05-08', 2, true, '2026-05-09', 'Saturday 5-9 is worked'],
  ])('%s + %i working days (count start: %s) ends %s: %s', (start, n, countStart, end) => {
    expect(value(official.addWorkingDays(start, n, { countStart })).date).toBe(end);
  });

  it('counts the start by default', () => {
    expect(value(official.addWorkingDays('2026-09-29', 5)).date).toBe('2026-10-10');
  });

  it.each([
    ['2024-02-04', true],
    ['2024-02-12', false],
    ['2024-02-18', true],
    ['2024-02-17', false],
    ['2025-09-28', true],
    ['2025-10-08', false],
    ['2025-10-11', true],
    ['2026-10-10', true],
    ['2026-10-11', false],
    ['2026-09-25', false],
    ['2026-01-04', true],
    ['2026-02-28', true],
    ['2026-03-02', true],
    ['2026-03-07', false],
  ] as const)('%s is a working day: %s', (date, working) => {
    expect(value(official.isWorkingDay(date)).working).toBe(working);
  });

  it.each([
    ['2026-09-29', '2026-10-10', 5],
    ['2026-10-01', '2026-10-07', 0],
    ['2026-10-11', '2026-10-11', 0],
    ['2024-01-01', '2024-12-31', 251],
    ['2025-01-01', '2025-12-31', 248],
    ['2026-01-01', '2026-12-31', 248],
  ] as const)('from %s to %s there are %i working days', (from, to, count) => {
    expect(value(official.workingDaysBetween(from, to)).count).toBe(count);
  });

  it('refuses a reversed range', () => {
    expect(official.workingDaysBetween('2026-10-10', '2026-09-29')).toMatchObject({
      ok: false,
      findings: [{ code: 'DATE_RANGE_REVERSED', field: 'to' }],
    });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %d working days', (n) => {
    expect(official.addWorkingDays('2026-09-29', n)).toMatchObject({
      ok: false,
      findings: [{ code: 'WORKDAYS_INVALID', field: 'workdays' }],
    });
  });

  it.each(['2026-02-30', '2026/9/29', '２０２６-０９-２９', ' 2026-09-29', '2026-9-29'])(
    'refuses the start %j',
    (start) => {
      expect(official.addWorkingDays(start, 5)).toMatchObject({
        ok: false,
        findings: [{ code: 'DATE_INVALID', field: 'start' }],
      });
    },
  );
});

describe('years without official data', () => {
  it('never falls back to Monday–Friday for an unpublished year', () => {
    const result = official.addWorkingDays('2026-12-28', 5);
    expect(result).toMatchObject({
      ok: false,
      findings: [{ code: 'CALENDAR_YEAR_UNKNOWN', severity: 'error' }],
    });
    if (result.ok) return;
    expect(result.findings[0]?.message).toContain('2027年的国务院节假日安排尚未发布');
    expect(result.findings[0]?.message).toContain('请组织方');
  });

  it('still answers within a known year, even near its end', () => {
    expect(value(official.addWorkingDays('2026-12-28', 4)).date).toBe('2026-12-31');
  });

  it('reports the unknown year of a single day', () => {
    expect(official.isWorkingDay('2028-03-01')).toMatchObject({
      ok: false,
      findings: [{ code: 'CALENDAR_YEAR_UNKNOWN', field: 'date' }],
    });
    expect(official.isWorkingDay('2003-06-02')).toMatchObject({ ok: false });
  });

  it('reports every unknown year a range touches', () => {
    const result = official.workingDaysBetween('2026-12-01', '2028-01-31');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.findings.map((finding) => finding.message.slice(0, 5))).toEqual(['2027年', '2028年']);
  });

  it('uses Monday–Friday plus adjustments for a year the organiser confirmed', () => {
    const confirmed = createWorkCalendar({ confirmedYears: [2027] });
    expect(confirmed.yearStatus(2027)).toBe('confirmed');
    expect(value(confirmed.addWorkingDays('2026-12-28', 5)).date).toBe('2027-01-01');

    const adjusted = createWorkCalendar({
      confirmedYears: [2027],
      overrides: [{ date: '2027-01-01', kind: 'holiday' }],
    });
    expect(value(adjusted.addWorkingDays('2026-12-28', 5)).date).toBe('2027-01-04');
    expect(value(adjusted.isWorkingDay('2027-01-02')).working).toBe(false);
    expect(adjusted.isWorkingDay('2028-01-03')).toMatchObject({ ok: false });
  });

  it('does not treat a year as known because it has adjustments', () => {
    const calendar = createWorkCalendar({ overrides: [{ date: '2027-02-05', kind: 'holiday' }] });
    expect(calendar.yearStatus(2027)).toBe('unknown');
    expect(calendar.isWorkingDay('2027-02-05')).toMatchObject({
      ok: false,
      findings: [{ code: 'CALENDAR_YEAR_UNKNOWN' }],
    });
  });
});

describe('organiser adjustments', () => {
  it('override the official schedule both ways', () => {
    const calendar = createWorkCalendar({
      overrides: [
        { date: '2026-09-30', kind: 'holiday' },
        { date: '2026-10-07', kind: 'workday' },
      ],
    });
    expect(value(calendar.isWorkingDay('2026-09-30')).working).toBe(false);
    expect(value(calendar.isWorkingDay('2026-10-07')).working).toBe(true);
    // 9-29, 10-7, 10-8, 10-9, 10-10
    expect(value(calendar.addWorkingDays('2026-09-29', 5)).date).toBe('2026-10-10');
    expect(value(calendar.addWorkingDays('2026-09-29', 6)).date).toBe('2026-10-12');
  });

  it('refuses invalid settings when the calendar is built', () => {
    expect(() => createWorkCalendar({ overrides: [{ date: '2026/10/1', kind: 'holiday' }] })).toThrow(
      /2026-10-01/,
    );
    expect(() =>
      createWorkCalendar({
        overrides: [
          { date: '2026-10-01', kind: 'holiday' },
          { date: '2026-10-01', kind: 'workday' },
        ],
      }),
    ).toThrow(/既被设为放假又被设为上班/);
    expect(() => createWorkCalendar({ confirmedYears: [27] })).toThrow(/年份/);
  });
});

describe('agreement with the chinese-days functions', () => {
  it('agrees on every day from 2004 to 2026', () => {
    const disagreements: string[] = [];
    for (let day = isoToDayNumber('2004-01-01'); day <= isoToDayNumber('2026-12-31'); day += 1) {
      const date = dayNumberToIso(day);
      if (value(official.isWorkingDay(date)).working !== chineseDays.isWorkday(date))
        disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('properties', () => {
  // Starts and lengths that stay inside the published years (2004–2026).
  const start = fc
    .integer({ min: isoToDayNumber('2004-01-01'), max: isoToDayNumber('2026-09-30') })
    .map(dayNumberToIso);
  const workdays = fc.integer({ min: 1, max: 40 });

  it('lands on a working day, n working days after the start', () => {
    fc.assert(
      fc.property(start, workdays, fc.boolean(), (from, n, countStart) => {
        const end = value(official.addWorkingDays(from, n, { countStart })).date;
        expect(value(official.isWorkingDay(end)).working).toBe(true);
        const firstCounted = countStart ? from : addDays(from, 1);
        expect(value(official.workingDaysBetween(firstCounted, end)).count).toBe(n);
      }),
    );
  });

  it('excluding a working start day adds exactly one working day', () => {
    fc.assert(
      fc.property(start, workdays, (from, n) => {
        const included = value(official.addWorkingDays(from, n + 1, { countStart: true })).date;
        const excluded = value(official.addWorkingDays(from, n, { countStart: false })).date;
        if (value(official.isWorkingDay(from)).working) {
          expect(excluded).toBe(included);
          expect(
            value(official.workingDaysBetween(value(official.addWorkingDays(from, n)).date, excluded)).count,
          ).toBe(2);
        } else {
          expect(value(official.addWorkingDays(from, n, { countStart: true })).date).toBe(excluded);
        }
      }),
    );
  });

  it('ends strictly later for more working days', () => {
    fc.assert(
      fc.property(start, workdays, (from, n) => {
        expect(
          value(official.addWorkingDays(from, n + 1)).date > value(official.addWorkingDays(from, n)).date,
        ).toBe(true);
      }),
    );
  });

  it('refuses rather than guesses whenever the period reaches 2027', () => {
    const lateStart = fc
      .integer({ min: isoToDayNumber('2026-12-01'), max: isoToDayNumber('2026-12-31') })
      .map(dayNumberToIso);
    fc.assert(
      fc.property(lateStart, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const result = official.addWorkingDays(from, n);
        const inYear = value(official.workingDaysBetween(from, '2026-12-31')).count;
        if (n <= inYear) expect(result.ok).toBe(true);
        else expect(result).toMatchObject({ ok: false, findings: [{ code: 'CALENDAR_YEAR_UNKNOWN' }] });
      }),
    );
  });
});
