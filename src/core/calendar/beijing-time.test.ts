import { describe, expect, it } from 'vitest';
import {
  beijingIsoDate,
  beijingTime,
  formatBeijingClock,
  formatBeijingDate,
  formatBeijingDateTime,
} from './beijing-time.ts';

describe('Beijing time', () => {
  it("New Year's Eve 23:59:59 in Beijing is still the old year, one second later the new one", () => {
    const eve = '2024-12-31T23:59:59+08:00';
    expect(formatBeijingDateTime(eve)).toBe('2024年12月31日 23:59');
    expect(formatBeijingClock(eve)).toBe('23:59:59');
    expect(beijingIsoDate(eve)).toBe('2024-12-31');
    const newYear = Date.parse(eve) + 1000;
    expect(formatBeijingDateTime(newYear)).toBe('2025年1月1日 00:00');
    expect(beijingIsoDate(new Date(newYear))).toBe('2025-01-01');
  });

  it('is eight hours ahead of UTC whatever the date: no daylight saving time in summer', () => {
    expect(formatBeijingDateTime('2024-12-31T16:05:00Z')).toBe('2025年1月1日 00:05');
    expect(formatBeijingDateTime('2024-07-01T15:59:00Z')).toBe('2024年7月1日 23:59');
    expect(formatBeijingDate('2024-07-01T16:00:00Z')).toBe('2024年7月2日');
    expect(beijingTime(Date.UTC(2024, 1, 28, 16))).toEqual({
      year: 2024,
      month: 2,
      day: 29,
      hour: 0,
      minute: 0,
      second: 0,
    });
  });

  it('agrees with the platform time-zone data at every hour of a year', () => {
    const icu = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000 + 61_000) {
      const t = beijingTime(ms)!;
      const [date, time] = icu.format(ms).split(', ');
      expect(`${beijingIsoDate(ms)} ${formatBeijingClock(ms).slice(0, 5)}`).toBe(`${date} ${time}`);
      expect(t.hour).toBe(Number(time!.slice(0, 2)));
    }
  });

  it('gives an empty text for what is no instant, so each caller picks its own blank', () => {
    expect(formatBeijingDateTime('not a date')).toBe('');
    expect(formatBeijingDate(Number.NaN)).toBe('');
    expect(beijingTime(new Date('x'))).toBeUndefined();
  });
});
