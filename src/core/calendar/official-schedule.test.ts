/**
 * The package's data checked against the State Council notices themselves
 * (国办发明电〔2023〕7号 for 2024, 〔2024〕12号 for 2025, 〔2025〕7号 for 2026).
 */
import { describe, expect, it } from 'vitest';
import { addDays } from './iso-date.ts';
import { OFFICIAL_DAYS, OFFICIAL_YEARS, officialSchedule } from './official-schedule.ts';

/** Every date from `from` to `to`, both included. */
function span(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

const NOTICES = {
  2024: {
    holidays: [
      ['元旦', span('2024-01-01', '2024-01-01')],
      ['春节', span('2024-02-10', '2024-02-17')],
      ['清明节', span('2024-04-04', '2024-04-06')],
      ['劳动节', span('2024-05-01', '2024-05-05')],
      ['端午节', span('2024-06-10', '2024-06-10')],
      ['中秋节', span('2024-09-15', '2024-09-17')],
      ['国庆节', span('2024-10-01', '2024-10-07')],
    ],
    workdays: [
      ['春节', ['2024-02-04', '2024-02-18']],
      ['清明节', ['2024-04-07']],
      ['劳动节', ['2024-04-28', '2024-05-11']],
      ['中秋节', ['2024-09-14']],
      ['国庆节', ['2024-09-29', '2024-10-12']],
    ],
  },
  2025: {
    holidays: [
      ['元旦', span('2025-01-01', '2025-01-01')],
      ['春节', span('2025-01-28', '2025-02-04')],
      ['清明节', span('2025-04-04', '2025-04-06')],
      ['劳动节', span('2025-05-01', '2025-05-05')],
      ['端午节', span('2025-05-31', '2025-06-02')],
      // 国庆节、中秋节 merged into eight days; the package files 10-06 (中秋) under 中秋节.
      ['国庆节', [...span('2025-10-01', '2025-10-05'), ...span('2025-10-07', '2025-10-08')]],
      ['中秋节', ['2025-10-06']],
    ],
    workdays: [
      ['春节', ['2025-01-26', '2025-02-08']],
      ['劳动节', ['2025-04-27']],
      ['国庆节', ['2025-09-28', '2025-10-11']],
    ],
  },
  2026: {
    holidays: [
      ['元旦', span('2026-01-01', '2026-01-03')],
      ['春节', span('2026-02-15', '2026-02-23')],
      ['清明节', span('2026-04-04', '2026-04-06')],
      ['劳动节', span('2026-05-01', '2026-05-05')],
      ['端午节', span('2026-06-19', '2026-06-21')],
      ['中秋节', span('2026-09-25', '2026-09-27')],
      ['国庆节', span('2026-10-01', '2026-10-07')],
    ],
    workdays: [
      ['元旦', ['2026-01-04']],
      ['春节', ['2026-02-14', '2026-02-28']],
      ['劳动节', ['2026-05-09']],
      ['国庆节', ['2026-09-20', '2026-10-10']],
    ],
  },
} as const satisfies Record<number, { holidays: [string, string[]][]; workdays: [string, string[]][] }>;

describe.each(Object.entries(NOTICES))('official schedule %s', (yearText, notice) => {
  const year = Number(yearText);

  it('has exactly the holidays and make-up days of the notice', () => {
    const schedule = officialSchedule(year);
    expect(schedule?.holidays).toEqual(notice.holidays.flatMap(([, dates]) => dates).sort());
    expect(schedule?.workdays).toEqual(notice.workdays.flatMap(([, dates]) => dates).sort());
  });

  it('names the holiday of every listed day', () => {
    for (const [name, dates] of notice.holidays) {
      for (const date of dates)
        expect(OFFICIAL_DAYS.get(date), date).toEqual({ kind: 'holiday', holiday: name });
    }
    for (const [name, dates] of notice.workdays) {
      for (const date of dates)
        expect(OFFICIAL_DAYS.get(date), date).toEqual({ kind: 'workday', holiday: name });
    }
  });
});

describe('published years', () => {
  it('covers 2004 to 2026 and nothing later', () => {
    expect(Math.min(...OFFICIAL_YEARS)).toBe(2004);
    expect(Math.max(...OFFICIAL_YEARS)).toBe(2026);
    expect(OFFICIAL_YEARS.size).toBe(23);
  });

  it('has no schedule for a year not yet published', () => {
    expect(officialSchedule(2027)).toBeUndefined();
    expect(officialSchedule(2003)).toBeUndefined();
  });
});
